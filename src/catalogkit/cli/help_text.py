"""The help of every command and option, in English and Chinese: the one table
`--help` is rendered from (see bilingual.py).

Keys: a command's name ("booklet") for its help, "command --option" for one of its
options (the option's longest name), and in SHARED an option's name alone for the
options many commands share (a "command --option" entry overrides it). A new command
adds its entries here; tests/cli/test_help_table.py names any entry that is missing.
The first sentence of a command's help is its line in `catalogkit --help`.
"""

from __future__ import annotations

Text = tuple[str, str]  # (English, Chinese)

GROUP: Text = (
    "catalogkit: validated service catalogs for county, town and village service halls.",
    "catalogkit：县、镇（街道）、村（社区）三级便民服务事项目录的校验、查询与发布工具。",
)

SHARED: dict[str, Text] = {
    "--help": ("Show this message and exit.", "显示本帮助并退出。"),
    "--version": ("Show the version and exit.", "显示版本号并退出。"),
    "--lang": (
        "Language of messages: zh or en (default: CATALOGKIT_LANG, then the locale).",
        "提示信息的语言：zh（中文）或 en（英文）；默认取 CATALOGKIT_LANG，其次取系统语言环境。",
    ),
    "--catalog": ("The catalog tree.", "事项目录所在的文件夹（目录树）。"),
    "--output": (
        "Write to this file (atomically) instead of standard output.",
        "写入此文件（完整写入，不会留下半个文件），不指定则输出到屏幕。",
    ),
    "--json": ("Print JSON.", "以 JSON 格式输出。"),
    "--plugins-dir": (
        "Also load plugins from this folder (repeatable).",
        "另外从此文件夹加载插件（可重复）。",
    ),
    "--plugin": (
        "Also load the plugin module of this import name (repeatable).",
        "另外加载此导入名的插件模块（可重复）。",
    ),
    "--block": (
        "Do not load the plugin of this name (repeatable).",
        "不加载此名称的插件（可重复）。",
    ),
    "--no-plugin-autoload": (
        "Do not load installed plugins (entry points).",
        "不自动加载已安装的插件（入口点）。",
    ),
}

COMMANDS: dict[str, Text] = {
    # ---------------------------------------------------------------- validate
    "validate": (
        "Check catalog trees (default: the current folder). Exit 0 clean, 1 on errors.",
        "校验事项目录（默认：当前文件夹）。没有错误时退出码为 0，有错误时为 1。",
    ),
    "validate --format": (
        "Output format.",
        "输出格式：text（文字）、json 或 github（GitHub 注释）。",
    ),
    "validate --quiet": ("Print only errors, no summary.", "只输出错误，不输出汇总行。"),
    "validate --verbose": ("Also list every file read.", "同时列出读取的每个文件。"),
    "validate --no-cache": (
        "Do not use or write the compiled cache.",
        "不使用也不写入编译缓存。",
    ),
    # ---------------------------------------------------------------- schema
    "schema": (
        "The JSON Schema of catalog files (or of cases), generated from the models. "
        "With --check, compare it with schemas/catalog-v1.schema.json (or -o FILE).",
        "输出由数据模型生成的目录文件（或办件）JSON Schema。加 --check 时与 "
        "schemas/catalog-v1.schema.json（或 -o 指定的文件）比对。",
    ),
    "schema --check": (
        "Exit 1 if the schema file (-o FILE, default: the tree's schemas/ file) is not up to date.",
        "若 Schema 文件（-o 指定，默认为 schemas/ 下的文件）不是最新的，以退出码 1 结束。",
    ),
    "schema --cases": (
        "The schema of cases and decision tests instead.",
        "改为输出办件和判定测试的 Schema。",
    ),
    # ---------------------------------------------------------------- route
    "route": (
        "Where MATTERS are accepted and decided for a resident of LOCALITY (with --within: "
        "every matter that resident can do without leaving the village or the town). "
        "A matter is named by its code or its Chinese name; a locality by its division "
        "code or name.",
        "查询 LOCALITY 的居民办理 MATTERS 时在哪里受理、由谁决定（加 --within："
        "列出不出村或不出镇即可办理的全部事项）。事项可写编码或中文名称，"
        "地点可写区划代码或名称。",
    ),
    "route --locality": (
        "The resident's locality: division code or name.",
        "居民所在地：区划代码或名称。",
    ),
    "route --within": (
        "List every matter a resident can do without leaving the village or town.",
        "列出居民不出村（village）或不出镇（town）即可办理的全部事项。",
    ),
    # ---------------------------------------------------------------- rules
    "rules": (
        "List every rule id that `validate` reports, with what it checks.",
        "列出 validate 会报告的每条规则编号及其检查内容。",
    ),
    # ---------------------------------------------------------------- decide
    "decide": (
        "Decide the case in CASE_FILE (kind: Case) against the catalog.",
        "按事项目录对 CASE_FILE 中的办件（kind: Case）作出判定。",
    ),
    # ---------------------------------------------------------------- test
    "test": (
        "Run the decision tests (kind: DecisionTests) in PATH; exit 1 if any fails.",
        "运行 PATH 中的判定测试（kind: DecisionTests）；有失败时退出码为 1。",
    ),
    "test --catalog": (
        "Catalog tree (default: the tree PATH is in).",
        "事项目录（默认：PATH 所在的目录树）。",
    ),
    "test --verbose": ("List every test, not only failures.", "列出每个测试，而不只是失败的。"),
    # ---------------------------------------------------------------- plugins
    "plugins": (
        "List plugins: name, version, source, hooks, and the localities that enable them.",
        "列出插件：名称、版本、来源、钩子，以及启用它们的地点。",
    ),
    # ---------------------------------------------------------------- new-plugin
    "new-plugin": (
        "Write a ready plugin package DIR/NAME: pyproject with its entry point, the module "
        "with plugin info and an example hook, a passing test and a README.",
        "生成可直接使用的插件包 DIR/NAME：含入口点的 pyproject、带插件信息和示例钩子的"
        "模块、一个可通过的测试和说明文件。",
    ),
    "new-plugin --dir": (
        "Folder to create the package folder NAME in.",
        "在此文件夹下创建插件包文件夹 NAME。",
    ),
    # ---------------------------------------------------------------- guide
    "guide": (
        "The 办事指南 of MATTER for residents of LOCALITY (md, print-ready html, or json). "
        "MATTER is a matter code or Chinese name; LOCALITY a division code or name.",
        "输出 LOCALITY 居民所见的 MATTER 办事指南（md、可打印的 html 或 json）。"
        "MATTER 可写事项编码或中文名称，LOCALITY 可写区划代码或名称。",
    ),
    "guide --locality": (
        "The locality the guide is for: division code or name.",
        "指南面向的地点：区划代码或名称。",
    ),
    "guide --format": ("Output format.", "输出格式：md、html 或 json。"),
    # ---------------------------------------------------------------- export
    "export": (
        "Export every matter of the tree as CPSV-AP JSON-LD, or the resolved bundle.",
        "将全部事项导出为 CPSV-AP JSON-LD，或导出解析后的完整数据包。",
    ),
    "export --to": (
        "cpsv-ap: CPSV-AP 3.2 JSON-LD; json: the resolved bundle.",
        "cpsv-ap：CPSV-AP 3.2 JSON-LD；json：解析后的完整数据包。",
    ),
    # ---------------------------------------------------------------- stats
    "stats": (
        "Matters per tier, venue, department and type; shares of immediate, online and "
        "one-visit matters; limit compression; what villagers can do without leaving the "
        "village. Exit 1 when the catalog has errors (printed as validate prints them).",
        "统计各层级、场所、部门、类型的事项数；即办件、网上可办、最多跑一次的占比；"
        "时限压缩情况；不出村可办事项。目录有错误时按 validate 的格式输出并以退出码 1 结束。",
    ),
    "stats --format": (
        "Output format: a table, stable JSON, or an SVG bar chart.",
        "输出格式：table（表格）、json（稳定的 JSON）或 svg（条形图）。",
    ),
    # ---------------------------------------------------------------- diff
    "diff": (
        "Compare two catalog trees. OLD and NEW are folders, or REV:PATH to read a tree as "
        "it is in a git revision (for example HEAD~1:catalogs).",
        "比较两个事项目录。OLD 和 NEW 是文件夹，或用 REV:PATH 读取某个 git 版本中的目录"
        "（例如 HEAD~1:catalogs）。",
    ),
    "diff --format": (
        "text for a terminal, md for a publication notice (事项变更公告), json.",
        "text 用于终端查看，md 用于生成事项变更公告，json 供程序读取。",
    ),
    "diff --exit-code": (
        "Exit 1 when there are differences, 0 when there are none (as git diff).",
        "有差异时退出码为 1，没有差异时为 0（与 git diff 相同）。",
    ),
    # ---------------------------------------------------------------- fmt
    "fmt": (
        "Format catalog files canonically (default: the current folder), keeping comments, "
        "key order and quotes. Never changes data; refuses invalid files unless --force.",
        "按统一格式整理目录文件（默认：当前文件夹），保留注释、字段顺序和引号。"
        "从不改变数据；未通过校验的文件拒绝整理，除非加 --force。",
    ),
    "fmt --check": (
        "Write nothing; list files that would change, exit 1.",
        "不写入任何文件；列出需要整理的文件，并以退出码 1 结束。",
    ),
    "fmt --diff": (
        "Write nothing; print a unified diff; exit 1 on changes.",
        "不写入任何文件；输出统一差异格式（diff）；有改动时退出码为 1。",
    ),
    "fmt --force": (
        "Write files even if they do not validate.",
        "即使文件未通过校验也写入。",
    ),
    # ---------------------------------------------------------------- venue-list
    "venue-list": (
        "The 服务事项清单 of VENUE, by window and department, as printable HTML. VENUE is a "
        "venue id or name.",
        "输出 VENUE 的服务事项清单（按窗口和部门排列），为可打印的 HTML。VENUE 可写场所"
        "编号或名称。",
    ),
    # ---------------------------------------------------------------- booklet
    "booklet": (
        "The 百事通 of TOWN: every matter its residents can do, by theme, and where. TOWN is "
        "a division code or name of a town or street.",
        "输出 TOWN 的百事通：本镇居民可办的全部事项，按主题排列，并注明办理地点。"
        "TOWN 可写镇（街道）的区划代码或名称。",
    ),
    # ---------------------------------------------------------------- serve
    "serve": (
        "Serve the catalog: JSON API under /v1 (OpenAPI at /v1/openapi.json) and pages for "
        "residents at /. A change to the tree is loaded in the background; an invalid one "
        "is reported and the last good revision stays in service.",
        "启动查询服务：/v1 下的 JSON 接口（OpenAPI 见 /v1/openapi.json）和 / 下的群众页面。"
        "目录改动在后台加载；有错误的改动会被报告，继续使用上一个正确的版本。",
    ),
    "serve --host": ("Address to bind.", "监听的地址。"),
    "serve --port": ("Port to listen on.", "监听的端口。"),
    "serve --workers": (
        "Worker processes (each loads and watches the tree; a reload reaches all).",
        "工作进程数（每个进程各自加载并监视目录；重新加载会通知全部进程）。",
    ),
    "serve --cors-origin": (
        "Allow browser calls from this origin (repeatable; * for any).",
        "允许来自此来源的浏览器调用（可重复；* 表示任意来源）。",
    ),
    "serve --admin-token-env": (
        "Environment variable holding the token for POST /v1/admin/reload.",
        "保存 POST /v1/admin/reload 令牌的环境变量名。",
    ),
    "serve --watch": ("Reload when a catalog file changes.", "目录文件改动时自动重新加载。"),
    "serve --watch-polling": (
        "Poll for changes (network and container file systems).",
        "以轮询方式发现改动（用于网络文件系统和容器）。",
    ),
    "serve --max-body": (
        "Largest request body accepted, in bytes.",
        "接受的最大请求体，单位为字节。",
    ),
    "serve --log-level": ("How much the log says.", "日志详细程度。"),
    "serve --no-access-log": ("Do not log each request.", "不记录每个请求。"),
    "serve --check": (
        "Load the catalog and plugins, then exit.",
        "只加载目录和插件，然后退出。",
    ),
}

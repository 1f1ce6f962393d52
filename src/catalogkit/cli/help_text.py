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
        "Export every matter of the tree as CPSV-AP JSON-LD, the resolved bundle, or the "
        "implementation list as XLSX (the headings `catalogkit import` reads).",
        "将全部事项导出为 CPSV-AP JSON-LD、解析后的完整数据包，或导出为 XLSX 实施清单"
        "（表头与 catalogkit import 读取的一致）。",
    ),
    "export --to": (
        "cpsv-ap: CPSV-AP 3.2 JSON-LD; json: the resolved bundle; xlsx: the implementation "
        "list with the national headings (needs -o).",
        "cpsv-ap：CPSV-AP 3.2 JSON-LD；json：解析后的完整数据包；"
        "xlsx：按国家表头的实施清单（需用 -o 指定文件）。",
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
    "serve --settle-ms": (
        "Reload only once no catalog file has changed for this long (ms).",
        "目录文件在这段时间（毫秒）内没有再改动后才重新加载。",
    ),
    "serve --reload-timeout": (
        "Give a reload up after this many seconds; the last good revision stays.",
        "重新加载超过这么多秒即放弃；继续使用上一个有效版本。",
    ),
    "validate --strict": (
        "Fail on draft matters too, and build nothing when anything is wrong (for CI).",
        "草稿事项也算失败；有任何错误时不生成数据包（用于发布前的持续集成检查）。",
    ),
    "route --date": (
        "The day the resident goes (YYYY-MM-DD; default today): routing plugins and rules "
        "apply for that day, and venues closed that day are marked.",
        "居民前往办理的日期（YYYY-MM-DD，默认今天）：按当天适用分流插件和规则，并标出当天不开放的场所。",
    ),
    # ---------------------------------------------------------------- due
    "due": (
        "The due date of a limit of N UNITs for a case submitted on SUBMITTED (YYYY-MM-DD), "
        "with the acceptance day assumed, the days skipped and whether it is provisional.",
        "计算 SUBMITTED（YYYY-MM-DD）提交的办件在 N 个时限单位后的办结日期，并说明所认定的受理日、"
        "跳过的日子以及是否为暂定日期。",
    ),
    "due --unit": ("Unit of the limit.", "时限单位：工作日、自然日、日、月、年、即办、当场。"),
    "due --locality": (
        "Division code whose local calendars and closures apply.",
        "适用其地方节假日和闭馆安排的区划代码。",
    ),
    "due --venue": (
        "Venue id whose opening hours decide the acceptance day.",
        "以其办公时间认定受理日的场所编号。",
    ),
    "due --time": (
        "Time of day the case was handed in, HH:MM.",
        "递交办件的时刻，格式 HH:MM。",
    ),
    # ---------------------------------------------------------------- calendar
    "calendar": (
        "Working-day calendars: add next year's from the State Council notice.",
        "工作日历：根据国务院办公厅通知添加下一年的节假日安排。",
    ),
    "calendar add": (
        "Write calendars/YEAR.yaml (kind: Calendar) into the catalog tree, atomically.",
        "把 calendars/YEAR.yaml（kind: Calendar）写入目录树（原子写入）。",
    ),
    "calendar add --holiday": (
        "Days off of one holiday, e.g. 春节=2027-02-06..2027-02-14 (repeatable).",
        "一个节日的放假日期，例如 春节=2027-02-06..2027-02-14（可重复）。",
    ),
    "calendar add --workday": (
        "A make-up working day (调休上班) and its holiday, e.g. 春节=2027-02-20 (repeatable).",
        "调休上班日及其所属节日，例如 春节=2027-02-20（可重复）。",
    ),
    "calendar add --from": (
        "A holiday-cn JSON file ({\"year\", \"days\": [{\"name\", \"date\", \"isOffDay\"}]}).",
        "holiday-cn 格式的 JSON 文件"
        "（{\"year\", \"days\": [{\"name\", \"date\", \"isOffDay\"}]}）。",
    ),
    "calendar add --title": (
        "The notice's title (default: 国务院办公厅关于YEAR年部分节假日安排的通知).",
        "通知标题（默认：国务院办公厅关于YEAR年部分节假日安排的通知）。",
    ),
    "calendar add --published": (
        "The notice's publication date (YYYY-MM-DD); needed to cite the notice.",
        "通知的发布日期（YYYY-MM-DD），引用通知时必填。",
    ),
    "calendar add --url": ("Where the notice was published.", "通知的发布网址。"),
    "calendar add --force": (
        "Replace an existing calendar file of that year.",
        "覆盖该年份已有的日历文件。",
    ),
    # ---------------------------------------------------------------- import
    "import": (
        "Import implementation lists (XLSX, CSV, JSON) into a catalog tree: unknown fields "
        "stay empty (draft matters); a re-import updates the source fields and keeps what "
        "was written by hand; an unchanged export writes nothing.",
        "把实施清单（XLSX、CSV、JSON）导入目录树：未知字段留空（草稿事项）；再次导入时更新来源字段，"
        "保留手工填写的内容；导出文件未变时不写入任何文件。",
    ),
    "import --out": (
        "The catalog tree to create or merge into.",
        "要新建或合并到的目录树。",
    ),
    "import --map": (
        "A YAML file mapping other column headings to fields (columns: {原表头: 字段}).",
        "把其他列标题对应到字段的 YAML 文件（columns: {原表头: 字段}）。",
    ),
    "import --county": (
        "Division code of the county (only for a new tree).",
        "区县的区划代码（仅新建目录树时需要）。",
    ),
    "import --county-name": (
        "Name of the county (only for a new tree).",
        "区县名称（仅新建目录树时需要）。",
    ),
    # ---------------------------------------------------------------- completeness
    "completeness": (
        "The county's to-do list: per field and per department, how many matters still lack "
        "a national field, the fields that keep the most matters from publication first.",
        "区县的待办清单：按字段和部门统计还有多少事项缺少国家规定字段，最影响发布的字段排在前面。",
    ),
    "completeness --format": (
        "Output format: a table, JSON, or an SVG bar chart.",
        "输出格式：表格、JSON 或 SVG 条形图。",
    ),
    # ---------------------------------------------------------------- cases
    "cases": (
        "The case ledger: every case from application to result (docs/ledger.md).",
        "办件台账：记录每一件办件从申请到办结的全过程（见 docs/ledger.md）。",
    ),
    "cases --database-url": (
        "The ledger's database (default: CATALOGKIT_DATABASE_URL, else the tree's SQLite file).",
        "台账数据库（默认 CATALOGKIT_DATABASE_URL，否则为该目录树自己的 SQLite 文件）。",
    ),
    "cases create": (
        "Register a case from a JSON file (`-` for standard input).",
        "从 JSON 文件登记一件新办件（`-` 表示标准输入）。",
    ),
    "cases create --key": (
        "An idempotency key: the same key gives the same case.",
        "幂等键：同一个键总是得到同一件办件。",
    ),
    "cases append": (
        "Record an event from a JSON file (`-` for standard input), e.g. "
        "{\"kind\": \"accept\", \"version\": 1, \"staff\": \"w01\"}.",
        "从 JSON 文件登记一个办件事件（受理、补正告知、办结等；`-` 表示标准输入），例如 "
        "{\"kind\": \"accept\", \"version\": 1, \"staff\": \"w01\"}。",
    ),
    "cases show": (
        "A case with its timeline, due dates and next step (numbers masked).",
        "显示办件、办理经过、办结日期和下一步（证件号和电话已掩码）。",
    ),
    "cases list": (
        "Cases newest first, one line each: number, state, matter, venue, promised date.",
        "按时间倒序列出办件，每行一件：编号、状态、事项、场所、承诺办结日期。",
    ),
    "cases list --venue": ("Only the cases of this venue.", "只列出该场所的办件。"),
    "cases list --county": (
        "Only the cases of this county (6-digit code).",
        "只列出该区县（6 位代码）的办件。",
    ),
    "cases list --matter": ("Only the cases of this matter.", "只列出该事项的办件。"),
    "cases list --state": (
        "Only cases in this state (repeatable).",
        "只列出该状态的办件（可重复）。",
    ),
    "cases list --from": ("Received on or after this day.", "收件日期不早于该日。"),
    "cases list --to": ("Received on or before this day.", "收件日期不晚于该日。"),
    "cases list --overdue": (
        "Only cases past their promised date.",
        "只列出已超过承诺办结日期的办件。",
    ),
    "cases list --limit": ("At most this many cases.", "最多列出的办件数。"),
    "cases rebuild": (
        "Rebuild the projection of current states from the events.",
        "由事件重建办件当前状态表。",
    ),
    "cases tokens": (
        "Tokens for window staff (one venue) and supervisors (one county).",
        "窗口人员（一个场所）与督查人员（一个区县）的令牌。",
    ),
    "cases tokens add": (
        "Make a token and show it once.",
        "生成令牌并只显示一次。",
    ),
    "cases tokens add --role": (
        "Who holds it: window staff or a supervisor.",
        "持有人角色：窗口人员或督查人员。",
    ),
    "cases tokens add --venue": ("The venue of window staff.", "窗口人员所在场所。"),
    "cases tokens add --county": (
        "The county (6-digit code) of a supervisor.",
        "督查人员所属区县（6 位代码）。",
    ),
    "cases tokens add --label": (
        "Who holds it, e.g. 清溪便民服务中心 1 号窗口.",
        "持有人说明，例如 清溪便民服务中心 1 号窗口。",
    ),
    "cases tokens list": ("The tokens (never their secrets).", "列出令牌（不含密钥）。"),
    "cases tokens revoke": ("Revoke a token.", "吊销令牌。"),
    "cases export": (
        "Every event as JSON Lines, in the order recorded (masked numbers only).",
        "将全部事件按记录顺序导出为 JSON Lines（只含掩码后的号码）。",
    ),
    "cases import": (
        "Add the cases of a JSON Lines export; checked whole first, all or nothing.",
        "导入 JSON Lines 办件，先整体检查，全部导入或全部不导入。",
    ),
    "cases copy": (
        "Copy the whole ledger into an empty database, e.g. from SQLite to PostgreSQL.",
        "将整个台账复制到空数据库（如从 SQLite 迁到 PostgreSQL）。",
    ),
    "cases copy --to": ("The database URL to copy into (empty).", "要复制到的（空）数据库 URL。"),
    "cases rate": (
        "Record a rating (好差评) on a finished case; a bad one opens a rectification.",
        "为已办结的办件登记评价（好差评）；差评自动生成整改件。",
    ),
    "cases rate --grade": ("The grade, 非常满意 … 非常不满意.", "评价等级：非常满意至非常不满意。"),
    "cases rate --channel": (
        "Where the rating came from (window, online, evaluator, sms …).",
        "评价渠道（窗口、网上、评价器、短信等）。",
    ),
    "cases rate --staff": ("Staff id of who records it.", "登记人员编号。"),
    "cases rate --note": ("The resident's words.", "群众的评价意见。"),
    "cases rate --on": ("The day of the rating (default today).", "评价日期（默认今天）。"),
    "cases complain": (
        "Register a complaint (投诉) from a JSON file (`-` for standard input).",
        "从 JSON 文件登记一件投诉（`-` 表示标准输入）。",
    ),
    "cases complain --key": (
        "An idempotency key: the same key gives the same case.",
        "幂等键：同一个键总是得到同一件投诉。",
    ),
    "cases follow-ups": (
        "Finished cases chosen for follow-up (回访), and the counts.",
        "列出需回访的已办结办件及回访统计。",
    ),
    "cases follow-ups --county": ("The county (6-digit code).", "县（6 位区划代码）。"),
    "cases follow-ups --venue": (
        "Registered at or held by this venue.",
        "登记于或现由该场所办理的办件。",
    ),
    "cases follow-ups --status": (
        "due, done, unreached or all.",
        "回访状态：due（待回访）、done（已回访）、unreached（未联系上）或 all。",
    ),
    "cases follow-up": (
        "Record one follow-up call (回访) on a finished case.",
        "登记一次回访（电话回访）结果。",
    ),
    "cases follow-up --reached": (
        "Whether the resident was reached.",
        "是否联系上群众。",
    ),
    "cases follow-up --staff": ("Staff id of who called.", "回访人员编号。"),
    "cases follow-up --grade": ("The resident's grade, if given.", "群众给出的满意程度（如有）。"),
    "cases follow-up --note": ("What the resident said.", "群众的意见。"),
    "cases follow-up --on": ("The day of the call (default today).", "回访日期（默认今天）。"),
    "cases satisfaction": (
        "Rates of satisfaction per venue and matter (基本满意 and above / rated).",
        "按场所和事项统计满意率（基本满意及以上 / 评价数）。",
    ),
    "cases satisfaction --county": ("The county (6-digit code).", "县（6 位区划代码）。"),
    "cases satisfaction --venue": ("Only the ratings of this venue.", "只统计该场所的评价。"),
    "cases satisfaction --matter": ("Only the ratings of this matter.", "只统计该事项的评价。"),
    "cases satisfaction --month": (
        "YYYY-MM, the month of the first rating.",
        "月份（YYYY-MM），按首次评价日期计。",
    ),
    "cases satisfaction --format": ("A table or JSON.", "输出格式：表格或 JSON。"),
    "cases exchange": (
        "Cases in the exchange's stages (申请, 受理, 特别程序, 办结, 送达) since a cursor.",
        "按省级数据交换的环节（申请、受理、特别程序、办结、送达）导出游标之后的办件记录。",
    ),
    "cases exchange --since": (
        "The cursor the last export gave (default: all).",
        "上次导出给出的游标（默认导出全部）。",
    ),
    "cases exchange --cursor-file": (
        "Read the cursor from this file and write the next one there afterwards.",
        "从该文件读取游标，导出写好后把下次游标写回该文件。",
    ),
    "cases exchange --county": (
        "Only the cases of this county (6-digit code).",
        "只导出该县（6 位区划代码）的办件。",
    ),
    "cases exchange --format": ("JSON Lines or CSV.", "输出格式：JSON Lines 或 CSV。"),
    "cases exchange --limit": (
        "At most this many events examined in one export.",
        "单次导出最多检查的事件数。",
    ),
    "cases exchange --output": (
        "Write here (atomically) instead of standard output.",
        "写入该文件（原子写入），默认输出到标准输出。",
    ),
    # ---------------------------------------------------------------- report
    "report": (
        "Supervision from the case ledger: warning lights and rates (docs/supervision.md).",
        "基于办件台账的效能监督：红黄绿灯预警与各项指标（见 docs/supervision.md）。",
    ),
    "report --database-url": (
        "The ledger's database (default: CATALOGKIT_DATABASE_URL, else the tree's SQLite file).",
        "台账数据库（默认 CATALOGKIT_DATABASE_URL，否则为该目录树自己的 SQLite 文件）。",
    ),
    "report --county": (
        "The county (6-digit code; default: the tree's).",
        "县级区划代码（6 位；默认为目录树中的县）。",
    ),
    "report lights": (
        "The warning light of every open case, red first, with why.",
        "列出每件在办件的红黄绿灯（红灯在前）及原因。",
    ),
    "report lights --venue": (
        "Only cases registered at or held by this venue.",
        "只列出在该场所登记或由该场所承办的办件。",
    ),
    "report lights --light": ("Only this light (repeatable).", "只列出该颜色的灯（可重复）。"),
    "report lights --on": (
        "Count up to this day (default today).",
        "计算到该日（默认今天）。",
    ),
    "report lights --format": ("Output format.", "输出格式。"),
    "report rates": (
        "Received, accepted, completed, 办结率, on-time rate, 提速率 … of a period.",
        "统计期内的收件、受理、办结、办结率、按时办结率、提速率等指标。",
    ),
    "report rates --from": ("First day of the period.", "统计期开始日期。"),
    "report rates --to": ("Last day of the period.", "统计期截止日期。"),
    "report rates --by": (
        "Group by (repeatable; default: venue).",
        "分组维度（可重复；默认按场所）。",
    ),
    "report rates --venue": ("Only events at this venue.", "只统计发生在该场所的事件。"),
    "report rates --cases": (
        "List the cases this measure counts instead of the figures.",
        "列出该项指标所计入的办件编号，而不是数字。",
    ),
    "report rates --format": (
        "Output format: a table, JSON, CSV or an SVG chart of completion rates.",
        "输出格式：表格、JSON、CSV 或办结率 SVG 图。",
    ),
    "report monthly": (
        "The month's table per venue, as the county reports it upward.",
        "按场所列出当月办件情况统计表（县级向上报送的口径）。",
    ),
    "report monthly --month": ("The month, YYYY-MM.", "月份，格式 YYYY-MM。"),
    "report monthly --format": (
        "Output format: a table, JSON, CSV or an SVG chart of completion rates.",
        "输出格式：表格、JSON、CSV 或办结率 SVG 图。",
    ),
    # ---------------------------------------------------------------- search
    "search": (
        "Matters for QUERY as residents say it (低保, 过户, dibao, a typo, a code), with why "
        "each matched; with --locality, only what that resident's places offer, and where.",
        "按居民的说法查找事项（如 低保、过户、dibao、错别字、编码），并说明匹配原因；"
        "给出 --locality 时只列出该居民所在地可办的事项及办理地点。",
    ),
    "search --locality": (
        "The resident's locality: division code or name.",
        "居民所在地：区划代码或名称。",
    ),
    "search --limit": ("At most this many matters.", "最多列出的事项数。"),
    # ---------------------------------------------------------------- build
    "build": (
        "Check the tree as `validate` does and write its compiled bundle to OUT, for "
        "`serve --bundle OUT` on machines without the tree. Exit 0 written, 1 on errors.",
        "像 validate 一样检查目录树，并把编译包写入 OUT，供没有目录树的机器用 serve --bundle OUT "
        "提供服务。写入成功退出码为 0，有错误为 1。",
    ),
    "build --out": (
        "The bundle file to write (replaced atomically).",
        "要写入的编译包文件（原子替换）。",
    ),
    "serve --bundle": (
        "Serve a bundle written by `catalogkit build` instead of the tree (no watching; "
        "POST /v1/admin/reload reads the file again).",
        "直接服务 catalogkit build 生成的编译包，无需目录树（不监视文件；"
        "POST /v1/admin/reload 重新读取该文件）。",
    ),
}

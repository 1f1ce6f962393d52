"""Every rule `validate` applies, by id: what it checks, in English and Chinese.

Tests keep this table, the code that reports each rule, the fixtures under
tests/data/invalid/ and docs/validation-rules.md in step."""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    id: str
    stage: str  # bytes, yaml, schema, tree, reference, matter, claim, calendar
    en: str
    zh: str


RULES: tuple[Rule, ...] = (
    Rule("file-too-large", "bytes", "a file is larger than the size limit", "文件超过大小上限"),
    Rule(
        "file-unreadable",
        "bytes",
        "a file cannot be read: not a regular file, a broken or outside link, no permission",
        "文件无法读取：不是普通文件、符号链接失效或指向目录之外、没有权限",
    ),
    Rule("byte-order-mark", "bytes", "a file starts with a byte-order mark", "文件以 BOM 开头"),
    Rule("invalid-utf8", "bytes", "a file is not UTF-8 (often GBK)", "文件不是 UTF-8 编码"),
    Rule("binary-file", "bytes", "a file contains NUL bytes", "文件包含 NUL 字节"),
    Rule("tab-indent", "bytes", "tabs are used for indentation", "使用制表符缩进"),
    Rule("yaml-syntax", "yaml", "the text is not valid YAML", "YAML 语法错误"),
    Rule("duplicate-key", "yaml", "a key appears twice in one mapping", "同一映射中键重复"),
    Rule("multiple-documents", "yaml", "a file holds several documents", "一个文件包含多个文档"),
    Rule("yaml-tag", "yaml", "an explicit YAML tag is used", "使用了 YAML 标签"),
    Rule("alias-expansion", "yaml", "aliases expand beyond the limit", "别名展开超过上限"),
    Rule("too-deep", "yaml", "nesting is deeper than the limit", "嵌套层数超过上限"),
    Rule("bad-key", "yaml", "a key is not plain text", "键不是普通文本"),
    Rule("merge-key", "yaml", "a YAML merge key (<<) is used", "使用了 YAML 合并键（<<）"),
    Rule("not-a-mapping", "yaml", "a document is not a mapping", "文档不是映射"),
    Rule("unsupported-version", "schema", "apiVersion is not catalogkit/v1", "apiVersion 不受支持"),
    Rule("unknown-kind", "schema", "kind is not a known document kind", "未知的文档类型"),
    Rule("unknown-key", "schema", "a key the format does not have", "未知字段"),
    Rule("missing-key", "schema", "a required key is missing", "缺少必填字段"),
    Rule("wrong-type", "schema", "a value has the wrong type", "取值类型错误"),
    Rule("bad-value", "schema", "a value is not one of the allowed values", "取值不在允许范围内"),
    Rule("bad-format", "schema", "a value does not have the required form", "取值格式不符"),
    Rule("too-short", "schema", "a list or text is too short", "列表或文本过短"),
    Rule("too-long", "schema", "a list or text is too long", "列表或文本过长"),
    Rule("out-of-range", "schema", "a number is out of range", "数值超出范围"),
    Rule("invalid-value", "schema", "a value is invalid", "取值无效"),
    Rule("duplicate-code", "reference", "a code or id is defined twice", "编码或标识重复定义"),
    Rule(
        "unknown-reference",
        "reference",
        "a reference to a matter, department, venue, window, profile, locality, form field "
        "or fee that does not exist",
        "引用的事项、部门、场所、窗口、模板、区划、表单字段或收费项目不存在",
    ),
    Rule(
        "bad-pattern",
        "tree",
        "a code pattern in the settings cannot be used",
        "设置中的编码规则无法使用",
    ),
    Rule("bad-code", "tree", "a code does not match its pattern", "编码不符合规则"),
    Rule("missing-parent", "tree", "a town or village has no parent", "乡镇或村缺少上级"),
    Rule("unknown-parent", "tree", "a parent code is not in the tree", "上级代码不在目录中"),
    Rule(
        "parent-mismatch",
        "tree",
        "an inline locality names another parent",
        "下级区划写在某上级之下却填写了其他上级",
    ),
    Rule(
        "bad-level", "tree", "a locality skips a tier or sits under a lower one", "区划层级不连续"
    ),
    Rule(
        "code-not-nested",
        "tree",
        "a code does not start with its parent's",
        "下级代码未以上级代码开头",
    ),
    Rule("parent-cycle", "tree", "localities are their own ancestors", "上下级关系形成循环"),
    Rule(
        "venue-tier",
        "reference",
        "a venue's tier does not fit its locality",
        "场所层级与区划层级不符",
    ),
    Rule("bad-hours", "reference", "opening hours close before they open", "办公时间起止颠倒"),
    Rule(
        "served-by-far",
        "reference",
        "servedBy names a venue that is not nearby",
        "servedBy 指向的场所不在本级、上级或相邻村社",
    ),
    Rule(
        "credit-code-format",
        "reference",
        "a body code is an older organisation code, not an 18-character credit code (warning)",
        "实施主体编码为旧的组织机构代码，不是18位统一社会信用代码（警告）",
    ),
    Rule(
        "credit-code-check",
        "reference",
        "a credit code's check character is wrong (warning: kept as issued)",
        "统一社会信用代码校验位错误（警告：按原样保留）",
    ),
    Rule(
        "missing-entrusting-body",
        "reference",
        "an entrusted body names no entrusting one",
        "受委托组织未填写委托部门",
    ),
    Rule(
        "required-for-type",
        "matter",
        "a field the matter's type requires is missing",
        "缺少该事项类型必填的字段",
    ),
    Rule(
        "draft-missing",
        "matter",
        "a draft matter does not give a national field yet (warning)",
        "草稿事项尚未填写某项国家标准字段（警告）",
    ),
    Rule(
        "bad-limit", "matter", "an on-the-spot limit has a non-zero value", "“即时”时限数值不为 0"
    ),
    Rule(
        "promised-over-statutory",
        "matter",
        "the promised limit exceeds the statutory one",
        "承诺时限长于法定时限",
    ),
    Rule(
        "immediate-with-limit",
        "matter",
        "a 即办件 has a promised limit in days",
        "即办件的承诺时限不是“即时”",
    ),
    Rule(
        "fees-inconsistent",
        "matter",
        "fees contradict 'charged' or 'reducible'",
        "收费信息前后矛盾",
    ),
    Rule(
        "missing-contact",
        "matter",
        "no consultation or supervision phone",
        "缺少咨询或监督投诉电话",
    ),
    Rule(
        "bad-condition",
        "matter",
        "a condition or form is not a rule set cerberus accepts",
        "适用条件或申请表规则无效",
    ),
    Rule(
        "rule-scope", "rule", "a rule on a matter lists other matters", "事项中的规则填写了 matters"
    ),
    Rule("fee-rule", "rule", "a fee rule does not say how much", "收费规则未说明金额"),
    Rule(
        "override-not-allowed",
        "rule",
        "a rule replaces a rule above that is not marked overridable",
        "规则替换了未允许替换的上级规则",
    ),
    Rule(
        "override-direction",
        "rule",
        "a replacing rule is of another type, or goes the wrong way (longer, dearer)",
        "替换规则类型不同，或方向不允许（时限更长、收费更高）",
    ),
    Rule(
        "override-conflict",
        "rule",
        "two rules replace the same rule above",
        "两条规则替换了同一条上级规则",
    ),
    Rule(
        "claim-not-inherited",
        "claim",
        "a claim of a matter not defined above",
        "认领的事项不是上级定义的",
    ),
    Rule(
        "conflicting-claims",
        "claim",
        "two profiles claim one matter differently",
        "两个模板对同一事项的认领不一致",
    ),
    Rule(
        "not-tightened",
        "claim",
        "a local limit or visit count is looser than above",
        "本级时限或到现场次数宽于上级",
    ),
    Rule(
        "proxy-limit-role",
        "claim",
        "a claim that is not a proxy gives a proxy-leg limit",
        "非代办认领填写了代办时限",
    ),
    Rule(
        "profile",
        "profile",
        "a published matter does not satisfy the tree's province profile",
        "已发布事项不符合省级规范",
    ),
    Rule(
        "profile-unusable",
        "profile",
        "the province profile named in the settings cannot be read or is no JSON Schema",
        "设置中的省级规范文件无法读取或不是 JSON Schema",
    ),
    Rule(
        "unknown-plugin",
        "plugin",
        "a locality enables a plugin that is not installed",
        "启用的插件未安装",
    ),
    Rule(
        "plugin-config",
        "plugin",
        "a plugin's config does not fit its schema",
        "插件配置不符合其要求",
    ),
    Rule(
        "date-outside-year",
        "calendar",
        "a calendar date is outside its year",
        "日历日期不属于该年份",
    ),
    Rule("duplicate-date", "calendar", "a calendar date is listed twice", "日历日期重复"),
    Rule(
        "makeup-on-weekday",
        "calendar",
        "a make-up working day is not on a weekend",
        "调休上班日不在周末",
    ),
    Rule(
        "next-calendar-missing",
        "calendar",
        "from 1 November, next year's national calendar is missing (a warning)",
        "自 11 月 1 日起仍缺少下一年的全国工作日历（警告）",
    ),
)

RULE_IDS = frozenset(r.id for r in RULES)

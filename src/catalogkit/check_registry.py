"""Every check `validate` applies, by id: what it checks, in English and Chinese.

A check validates the catalog itself; a rule (model/rules.py) is a business rule
administrators write for the engine. Users still see a check's id as the "rule" of a
diagnostic and list them with `catalogkit rules`, the names docs/validation-rules.md
uses. Tests keep this table, the code that reports each check, the fixtures under
tests/data/invalid/ and docs/validation-rules.md in step."""

from __future__ import annotations

from typing import NamedTuple


class Check(NamedTuple):
    id: str
    stage: str  # bytes, yaml, schema, tree, reference, matter, claim, calendar
    en: str
    zh: str


CHECKS: tuple[Check, ...] = (
    Check("file-too-large", "bytes", "a file is larger than the size limit", "文件超过大小上限"),
    Check(
        "file-unreadable",
        "bytes",
        "a file cannot be read: not a regular file, a broken or outside link, no permission",
        "文件无法读取：不是普通文件、符号链接失效或指向目录之外、没有权限",
    ),
    Check("byte-order-mark", "bytes", "a file starts with a byte-order mark", "文件以 BOM 开头"),
    Check("invalid-utf8", "bytes", "a file is not UTF-8 (often GBK)", "文件不是 UTF-8 编码"),
    Check("binary-file", "bytes", "a file contains NUL bytes", "文件包含 NUL 字节"),
    Check("tab-indent", "bytes", "tabs are used for indentation", "使用制表符缩进"),
    Check("yaml-syntax", "yaml", "the text is not valid YAML", "YAML 语法错误"),
    Check("duplicate-key", "yaml", "a key appears twice in one mapping", "同一映射中键重复"),
    Check("multiple-documents", "yaml", "a file holds several documents", "一个文件包含多个文档"),
    Check("yaml-tag", "yaml", "an explicit YAML tag is used", "使用了 YAML 标签"),
    Check("alias-expansion", "yaml", "aliases expand beyond the limit", "别名展开超过上限"),
    Check("too-deep", "yaml", "nesting is deeper than the limit", "嵌套层数超过上限"),
    Check("bad-key", "yaml", "a key is not plain text", "键不是普通文本"),
    Check("merge-key", "yaml", "a YAML merge key (<<) is used", "使用了 YAML 合并键（<<）"),
    Check("not-a-mapping", "yaml", "a document is not a mapping", "文档不是映射"),
    Check(
        "unsupported-version", "schema", "apiVersion is not catalogkit/v1", "apiVersion 不受支持"
    ),
    Check("unknown-kind", "schema", "kind is not a known document kind", "未知的文档类型"),
    Check("unknown-key", "schema", "a key the format does not have", "未知字段"),
    Check("missing-key", "schema", "a required key is missing", "缺少必填字段"),
    Check("wrong-type", "schema", "a value has the wrong type", "取值类型错误"),
    Check("bad-value", "schema", "a value is not one of the allowed values", "取值不在允许范围内"),
    Check("bad-format", "schema", "a value does not have the required form", "取值格式不符"),
    Check("too-short", "schema", "a list or text is too short", "列表或文本过短"),
    Check("too-long", "schema", "a list or text is too long", "列表或文本过长"),
    Check("out-of-range", "schema", "a number is out of range", "数值超出范围"),
    Check("invalid-value", "schema", "a value is invalid", "取值无效"),
    Check("duplicate-code", "reference", "a code or id is defined twice", "编码或标识重复定义"),
    Check(
        "unknown-reference",
        "reference",
        "a reference to a matter, department, venue, window, profile, locality, form field "
        "or fee that does not exist",
        "引用的事项、部门、场所、窗口、模板、区划、表单字段或收费项目不存在",
    ),
    Check(
        "bad-pattern",
        "tree",
        "a code pattern in the settings cannot be used",
        "设置中的编码规则无法使用",
    ),
    Check("bad-code", "tree", "a code does not match its pattern", "编码不符合规则"),
    Check("missing-parent", "tree", "a town or village has no parent", "乡镇或村缺少上级"),
    Check("unknown-parent", "tree", "a parent code is not in the tree", "上级代码不在目录中"),
    Check(
        "parent-mismatch",
        "tree",
        "an inline locality names another parent",
        "下级区划写在某上级之下却填写了其他上级",
    ),
    Check(
        "bad-level", "tree", "a locality skips a tier or sits under a lower one", "区划层级不连续"
    ),
    Check(
        "code-not-nested",
        "tree",
        "a code does not start with its parent's",
        "下级代码未以上级代码开头",
    ),
    Check("parent-cycle", "tree", "localities are their own ancestors", "上下级关系形成循环"),
    Check(
        "venue-tier",
        "reference",
        "a venue's tier does not fit its locality",
        "场所层级与区划层级不符",
    ),
    Check("bad-hours", "reference", "opening hours close before they open", "办公时间起止颠倒"),
    Check(
        "served-by-far",
        "reference",
        "servedBy names a venue that is not nearby",
        "servedBy 指向的场所不在本级、上级或相邻村社",
    ),
    Check(
        "credit-code-format",
        "reference",
        "a body code is an older organisation code, not an 18-character credit code (warning)",
        "实施主体编码为旧的组织机构代码，不是18位统一社会信用代码（警告）",
    ),
    Check(
        "credit-code-check",
        "reference",
        "a credit code's check character is wrong (warning: kept as issued)",
        "统一社会信用代码校验位错误（警告：按原样保留）",
    ),
    Check(
        "missing-entrusting-body",
        "reference",
        "an entrusted body names no entrusting one",
        "受委托组织未填写委托部门",
    ),
    Check(
        "required-for-type",
        "matter",
        "a field the matter's type requires is missing",
        "缺少该事项类型必填的字段",
    ),
    Check(
        "draft-missing",
        "matter",
        "a draft matter does not give a national field yet (warning)",
        "草稿事项尚未填写某项国家标准字段（警告）",
    ),
    Check(
        "bad-limit", "matter", "an on-the-spot limit has a non-zero value", "“即时”时限数值不为 0"
    ),
    Check(
        "promised-over-statutory",
        "matter",
        "the promised limit exceeds the statutory one",
        "承诺时限长于法定时限",
    ),
    Check(
        "immediate-with-limit",
        "matter",
        "a 即办件 has a promised limit in days",
        "即办件的承诺时限不是“即时”",
    ),
    Check(
        "fees-inconsistent",
        "matter",
        "fees contradict 'charged' or 'reducible'",
        "收费信息前后矛盾",
    ),
    Check(
        "missing-contact",
        "matter",
        "no consultation or supervision phone",
        "缺少咨询或监督投诉电话",
    ),
    Check(
        "bad-condition",
        "matter",
        "a condition or form is not a rule set cerberus accepts",
        "适用条件或申请表规则无效",
    ),
    Check(
        "rule-scope", "rule", "a rule on a matter lists other matters", "事项中的规则填写了 matters"
    ),
    Check("fee-rule", "rule", "a fee rule does not say how much", "收费规则未说明金额"),
    Check(
        "override-not-allowed",
        "rule",
        "a rule replaces a rule above that is not marked overridable",
        "规则替换了未允许替换的上级规则",
    ),
    Check(
        "override-direction",
        "rule",
        "a replacing rule is of another type, or goes the wrong way (longer, dearer)",
        "替换规则类型不同，或方向不允许（时限更长、收费更高）",
    ),
    Check(
        "override-conflict",
        "rule",
        "two rules replace the same rule above",
        "两条规则替换了同一条上级规则",
    ),
    Check(
        "claim-not-inherited",
        "claim",
        "a claim of a matter not defined above",
        "认领的事项不是上级定义的",
    ),
    Check(
        "conflicting-claims",
        "claim",
        "two profiles claim one matter differently",
        "两个模板对同一事项的认领不一致",
    ),
    Check(
        "not-tightened",
        "claim",
        "a local limit or visit count is looser than above",
        "本级时限或到现场次数宽于上级",
    ),
    Check(
        "proxy-limit-role",
        "claim",
        "a claim that is not a proxy gives a proxy-leg limit",
        "非代办认领填写了代办时限",
    ),
    Check(
        "profile",
        "profile",
        "a published matter does not satisfy the tree's province profile",
        "已发布事项不符合省级规范",
    ),
    Check(
        "profile-unusable",
        "profile",
        "the province profile named in the settings cannot be read or is no JSON Schema",
        "设置中的省级规范文件无法读取或不是 JSON Schema",
    ),
    Check(
        "unknown-plugin",
        "plugin",
        "a locality enables a plugin that is not installed",
        "启用的插件未安装",
    ),
    Check(
        "plugin-config",
        "plugin",
        "a plugin's config does not fit its schema",
        "插件配置不符合其要求",
    ),
    Check(
        "date-outside-year",
        "calendar",
        "a calendar date is outside its year",
        "日历日期不属于该年份",
    ),
    Check("duplicate-date", "calendar", "a calendar date is listed twice", "日历日期重复"),
    Check(
        "makeup-on-weekday",
        "calendar",
        "a make-up working day is not on a weekend",
        "调休上班日不在周末",
    ),
    Check(
        "next-calendar-missing",
        "calendar",
        "from 1 November, next year's national calendar is missing (a warning)",
        "自 11 月 1 日起仍缺少下一年的全国工作日历（警告）",
    ),
)

CHECK_IDS = frozenset(r.id for r in CHECKS)

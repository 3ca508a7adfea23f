//! Findings of the roll-up (汇总): what the city centre is told about each input it received.
//!
//! These are emitted by [`crate::aggregate`], not by validation: an input that is not counted
//! says why (DHIS2's import summary: imported, updated, ignored — and why), and a figure that
//! looks like a typo is flagged for a phone call, not silently summed.

use super::DocumentKind::Submission;
use super::Rule;
use super::Severity::*;

pub(crate) const UNREADABLE: Rule = Rule {
    code: "aggregate.unreadable",
    severity: Error,
    documents: &[Submission],
    reads: &[""],
    clause: "四（四）报送材料的电子版",
    description: "无法读取的报送（不是合法的 JSON、不是 UTF-8 文本或不是对象）不计入汇总，单列为退回。",
    description_en: "An input that cannot be read (not JSON, not UTF-8, not an object) is not counted; it is listed as rejected.",
    message: "报送 {input} 无法读取，未计入汇总：{detail}",
    message_en: "Input {input} cannot be read and is not counted: {detail_en}",
    library_only: false,
};

pub(crate) const NOT_A_SUBMISSION: Rule = Rule {
    code: "aggregate.not_a_submission",
    severity: Error,
    documents: &[Submission],
    reads: &[""],
    clause: "四（四）报送总结表",
    description: "既不是报送材料、总结表，也不是活动方案的文档不计入汇总。",
    description_en: "A document that is neither a submission, a summary table nor a plan is not counted.",
    message: "报送 {input} 不是报送材料或总结表（识别为：{kind_zh}），未计入汇总",
    message_en: "Input {input} is not a submission or summary table (read as: {kind}) and is not counted",
    library_only: false,
};

pub(crate) const UNKNOWN_UNIT: Rule = Rule {
    code: "aggregate.unknown_unit",
    severity: Error,
    documents: &[Submission],
    reads: &["/summary/host_unit", "/unit"],
    clause: "主送单位；四（四）各县区报送",
    description: "举办县区（按别称规范后）不在通知辖区内的报送不计入完成率，单列为未知报送单位。",
    description_en: "An input whose unit (after alias normalisation) is not in the notice's jurisdiction is not counted towards completeness; it is listed as an unknown sender.",
    message: "报送 {input} 的举办县区“{written}”不是本通知的报送单位，未计入汇总",
    message_en: "Input {input} names the unit \"{written}\", which is not a reporting unit of this notice; not counted",
    library_only: false,
};

pub(crate) const WRONG_YEAR: Rule = Rule {
    code: "aggregate.wrong_year",
    severity: Error,
    documents: &[Submission],
    reads: &["/summary/year", "/year"],
    clause: "标题（年度）",
    description: "年度与通知不一致的报送属于别的活动周，不计入本年汇总。",
    description_en: "An input for another year belongs to another week and is not counted.",
    message: "报送 {input}（{unit}）的年度为 {year}，与通知的年度 {notice_year} 不一致，未计入汇总",
    message_en: "Input {input} ({unit}) is for {year}, not the notice's year {notice_year}; not counted",
    library_only: false,
};

pub(crate) const DUPLICATE_SUBMISSION: Rule = Rule {
    code: "aggregate.duplicate_submission",
    severity: Info,
    documents: &[Submission],
    reads: &["/submitted_at", "/summary/host_unit"],
    clause: "四（四）各县区报送",
    description: "同一单位多次报送时以报送时间最晚的一份为准，较早的列为被替代，不重复计数。",
    description_en: "When a unit sends more than once the latest submitted_at counts; older ones are listed as superseded, never counted twice.",
    message: "{unit} 的报送 {input}（{submitted_at}）已被较晚的报送 {winner}（{winner_submitted_at}）替代",
    message_en: "{unit}: input {input} ({submitted_at}) is superseded by the later input {winner} ({winner_submitted_at})",
    library_only: false,
};

pub(crate) const PARTICIPANTS_OUTLIER: Rule = Rule {
    code: "aggregate.participants_outlier",
    severity: Warning,
    documents: &[Submission],
    reads: &["/summary/participation/participants"],
    clause: "附件·活动参与情况·参加活动人数",
    description: "参加活动人数达到其他单位中位数 10 倍及以上的，多为多写一个 0（如 35000 写成 350000），请核实。",
    description_en: "Participants at 10 times the median of the other units or more is most often a typo (350000 for 35000); check it.",
    message: "{unit} 的参加活动人数 {value} 是其他单位中位数 {median} 的 {ratio} 倍，请核实是否多写了 0",
    message_en: "{unit}: participants {value} are {ratio} times the median {median} of the other units; check for an extra zero",
    library_only: false,
};

pub(crate) const SUB_VENUES_EXCEED_PARTICIPANTS: Rule = Rule {
    code: "aggregate.sub_venues_exceed_participants",
    severity: Warning,
    documents: &[Submission],
    reads: &["/summary/participation/sub_venues", "/summary/participation/participants"],
    clause: "附件·活动参与情况·主会场及分会场数量",
    description: "分会场数量多于参加活动人数，两栏多半填反或填错。",
    description_en: "More sub-venues than participants: the two rows are most likely swapped or mistyped.",
    message: "{unit} 的分会场数量 {sub_venues} 多于参加活动人数 {participants}，请核实",
    message_en: "{unit}: sub-venues ({sub_venues}) exceed participants ({participants}); check both rows",
    library_only: false,
};

pub(crate) const PARTICIPANTS_MIXED_KINDS: Rule = Rule {
    code: "aggregate.participants_mixed_kinds",
    severity: Warning,
    documents: &[Submission],
    reads: &["/summary/participation/participants/unit"],
    clause: "附件·活动参与情况·参加活动人数",
    description: "各单位的参加人数计量单位不一（人、人次或未注明）时分别合计，不相加为一个数。",
    description_en: "When units count participants differently (people, person-times, unstated) each kind is totalled apart, never added into one figure.",
    message: "参加活动人数的计量单位不一致（{kinds}），已分别合计，未相加",
    message_en: "Participants are counted in different units ({kinds_en}); totalled per kind, not added together",
    library_only: false,
};

pub(crate) const EXACT_COPY: Rule = Rule {
    code: "aggregate.exact_copy",
    severity: Warning,
    documents: &[Submission],
    reads: &[""],
    clause: "四（四）报送材料",
    description: "与先收到的文件内容完全相同的文件（同一附件保存了两次）只计一次，单列为退回。",
    description_en: "A file whose bytes equal an earlier one's (the same attachment saved twice) counts once; it is listed as rejected.",
    message: "{input} 与 {of} 内容完全相同（重复保存），只计一次",
    message_en: "{input} is an exact copy of {of} (saved twice); it counts once",
    library_only: false,
};

pub(crate) const REFUSED: Rule = Rule {
    code: "aggregate.refused",
    severity: Error,
    documents: &[Submission],
    reads: &[""],
    clause: "四（四）报送材料",
    description: "收件夹中不计入汇总的文件（锁定文件、无法读取的格式、无关文件、写有几个单位或未写明单位的文件、另附的照片录像），说明原因（见 reason）和怎样处理，从不略过。",
    description_en: "A file of the inbox that is not counted (a lock file, a format that cannot be read, an unrelated file, a file naming several units or none, attached photos or video) says why (see reason) and what to do; never skipped.",
    message: "{input} 未计入汇总：{detail}",
    message_en: "{input} is not counted: {detail_en}",
    library_only: false,
};

pub(crate) const UNIT_NAME_CONFLICT: Rule = Rule {
    code: "aggregate.unit_name_conflict",
    severity: Warning,
    documents: &[Submission],
    reads: &["/summary/host_unit"],
    clause: "四（四）各县区报送",
    description: "文件名写的单位与文件内容（总结表的举办县区、材料的标题或正文）写的单位不一致：按内容归入，并提示核对。",
    description_en: "The file name names another unit than the file's content (the form's 举办县区, a material's title or text): assigned by the content, with this warning to check.",
    message: "{input}：文件名写的是“{named}”，{source}写的是“{unit}”，已按{source}归入 {unit}，请核对",
    message_en: "{input}: the file name says “{named}”, {source_en} says “{unit}”; assigned to {unit} as {source_en} says — check it",
    library_only: false,
};

pub(crate) const UNIT_FROM_FILE_NAME: Rule = Rule {
    code: "aggregate.unit_from_file_name",
    severity: Info,
    documents: &[Submission],
    reads: &["/summary/host_unit"],
    clause: "四（四）各县区报送",
    description: "总结表的举办县区未填写、标题也未写明单位时，按文件名写明的单位（含别称）归入。",
    description_en: "A form whose 举办县区 is blank and whose title names no unit is assigned to the unit its file name names (aliases included).",
    message: "{input} 的举办县区未填写，按文件名归入 {unit}",
    message_en: "{input}: 举办县区 is blank; assigned to {unit} as its file name says",
    library_only: false,
};

pub(crate) const SUPERSEDED_SAME_TIME: Rule = Rule {
    code: "aggregate.superseded_same_time",
    severity: Warning,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）各县区报送",
    description: "同一单位的两份报送时间相同：以文件修改时间较晚的一份为准；修改时间也相同或未知时按内容摘要次序选定，并提示核对。",
    description_en: "Two submissions of a unit carry the same time: the one whose file was modified later counts; when that is equal or unknown the content hash decides, with this warning to check.",
    message: "{unit} 的报送 {input} 与 {winner} 的报送时间相同（{submitted_at}），{decided}，以 {winner} 为准",
    message_en: "{unit}: input {input} and {winner} carry the same time ({submitted_at}); {decided_en}, so {winner} counts",
    library_only: false,
};

pub(crate) const RULES: &[Rule] = &[
    UNREADABLE,
    EXACT_COPY,
    NOT_A_SUBMISSION,
    UNKNOWN_UNIT,
    WRONG_YEAR,
    DUPLICATE_SUBMISSION,
    PARTICIPANTS_OUTLIER,
    SUB_VENUES_EXCEED_PARTICIPANTS,
    PARTICIPANTS_MIXED_KINDS,
    REFUSED,
    UNIT_NAME_CONFLICT,
    UNIT_FROM_FILE_NAME,
    SUPERSEDED_SAME_TIME,
];

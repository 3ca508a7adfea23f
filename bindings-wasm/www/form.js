// The 总结表 as a web form. Every rule, message and default comes from the WebAssembly package
// (the same core the city's Rust and Python code runs); this file only builds the document from
// the inputs, calls validateSummary on every input, puts each message next to the field its JSON
// Pointer names, keeps the clerk's drafts in localStorage, and checks the package she will send
// with validateSubmission. The page loads the first module (learning_week: validation) only; the
// office module (learning_week_office: Word / Excel / .doc import, the .docx export) is fetched
// the first time a file is dropped or chosen, or 「下载 Word」 is pressed.
const $ = (id) => document.getElementById(id);
const FIELDS = 'input:not([type=file]):not([type=checkbox]), select, textarea';

// ---- the page's own words (the messages come from the library, in the language asked) -------
const UI = {
  zh: { ready: '校验程序已就绪', failed: '校验程序加载失败：', title: '校验结果', summaryOk: '总结表全部通过。',
        counts: (a, i) => `错误 ${a.errors} 个，警告 ${a.warnings} 个，提示 ${i} 个`,
        severity: { error: '错误', warning: '警告', info: '提示' },
        imported: (name, a, n) => `已从 ${name} 导入 ${n} 栏；${a.warnings} 处需核对，${a.errors} 个错误`,
        replaceAsk: '表中已有填写的内容。用导入的文件替换这些内容吗？（当前内容会被覆盖）',
        officeLoading: '正在加载 Word / Excel 模块…', officeFailed: 'Word / Excel 模块加载失败：',
        docxFailed: '无法生成 Word 文件：', docxDone: (name) => `已生成 ${name}`,
        importKept: '未导入：表中内容保持不变。',
        clearAsk: (u) => `清除${u}的草稿吗？表中的内容会被清空，无法恢复。`,
        loadOtherAsk: (u) => `${u}已有保存的草稿。确定：载入该草稿（当前内容仍保存在原草稿中）；取消：不切换县区。`,
        noUnit: '（未选县区）', savedAt: (t) => `草稿已自动保存 ${t}`, cleared: '草稿已清除',
        sheetTitle: (n) => `${n.year}年${n.jurisdiction.city}全民终身学习活动周总结表`,
        item: (list, i, field) => `${list}第${i}项：${field}`,
        lists: { organizers: '主办单位及协办单位', attending_leaders: '出席活动的领导', featured_activities: '有特色的活动' },
        keys: { name: '名称', role: '角色', title: '职务', description: '简介', topics: '涉及主题' },
        leaderName: '姓名', remove: (list, i) => `删除${list}第${i}项`,
        duty: { deadline: '截止时间', materials: '报送材料', formats: '报送形式', recipient: '报送至', contacts: '联系人' },
        inclusive: '（含当日）', each: (n) => (n > 1 ? `${n} 份` : ''),
        thisForm: (name) => `本表：${name}（下载的总结表）`, kind: (name) => `“${name}”的种类`,
        verdictNone: '添加报送的文件后，这里核对材料是否齐全、是否按时。',
        verdictOk: '报送材料齐全，可以报送。', verdictNo: (a) => `还不能报送：错误 ${a.errors} 个，警告 ${a.warnings} 个`,
        jump: '跳到该栏' },
  en: { ready: 'Validator ready', failed: 'The validator failed to load: ', title: 'Validation', summaryOk: 'The summary table passes every check.',
        counts: (a, i) => `${a.errors} error(s), ${a.warnings} warning(s), ${i} note(s)`,
        severity: { error: 'Error', warning: 'Warning', info: 'Note' },
        imported: (name, a, n) => `Imported ${n} row(s) from ${name}; ${a.warnings} to check, ${a.errors} error(s)`,
        replaceAsk: 'The form already has entries. Replace them with the imported file? (what is there now is overwritten)',
        officeLoading: 'Loading the Word / Excel module…', officeFailed: 'The Word / Excel module failed to load: ',
        docxFailed: 'Cannot make the Word file: ', docxDone: (name) => `Made ${name}`,
        importKept: 'Not imported: the form is unchanged.',
        clearAsk: (u) => `Clear the draft of ${u}? The form is emptied; this cannot be undone.`,
        loadOtherAsk: (u) => `${u} has a saved draft. OK: load it (the current entries stay in their own draft); Cancel: keep the unit as it was.`,
        noUnit: '(no unit chosen)', savedAt: (t) => `Draft saved automatically at ${t}`, cleared: 'Draft cleared',
        sheetTitle: (n) => `${n.jurisdiction.city} ${n.year} Lifelong Learning Activity Week: summary table`,
        item: (list, i, field) => `${list}, item ${i}: ${field}`,
        lists: { organizers: 'Organisers', attending_leaders: 'Attending leaders', featured_activities: 'Featured activities' },
        keys: { name: 'name', role: 'role', title: 'post', description: 'description', topics: 'topics' },
        leaderName: 'name', remove: (list, i) => `Remove ${list.toLowerCase()} item ${i}`,
        duty: { deadline: 'Deadline', materials: 'Materials', formats: 'Form', recipient: 'Send to', contacts: 'Contacts' },
        inclusive: ' (inclusive)', each: (n) => (n > 1 ? ` × ${n}` : ''),
        thisForm: (name) => `This form: ${name} (the downloaded summary table)`, kind: (name) => `Kind of “${name}”`,
        verdictNone: 'Attach the files of the package: this checks that it is complete and on time.',
        verdictOk: 'The package is complete: ready to submit.', verdictNo: (a) => `Not ready to submit: ${a.errors} error(s), ${a.warnings} warning(s)`,
        jump: 'go to the field' },
};
/** The kinds of material the notice names (Submission.materials[].kind), in both languages. */
const MATERIAL = {
  work_summary: { zh: '工作总结材料', en: 'work summary' },
  summary_table: { zh: '总结表', en: 'summary table (总结表)' },
  typical_case: { zh: '典型活动案例', en: 'typical case' },
  stamped_scan: { zh: '盖章后扫描件（PDF格式）', en: 'stamped scan (PDF)' },
  other: { zh: '其他（照片、录像等）', en: 'other (photos, videos …)' },
};

let lw = null;
/** The office module (learning_week_office), once loaded: see `loadOffice`. */
let officeLoad = null;
/** The compiled notice (a `Validator`), built once when the page loads. */
let validator = null;
let notice = null;
let lang = 'zh';
let last = null;
let showAll = false;       // after "download" or an import: every message shows
const touched = new Set(); // fields the clerk has typed in: their own messages show at once
const leftRows = new Set(); // rows the clerk has left after typing in them: all their messages show
let attachments = [];       // [{name, kind}] — names and kinds of the package's files, never their bytes

/** Swaps the page's texts into the language: each element with data-en keeps its Chinese in
 *  data-zh (taken the first time), and likewise for placeholder and aria-label. */
function translate(root) {
  for (const el of root.querySelectorAll('[data-en]')) {
    if (el.dataset.zh === undefined) el.dataset.zh = el.innerHTML;
    if (lang === 'en') el.textContent = el.dataset.en; else el.innerHTML = el.dataset.zh;
  }
  for (const attr of ['placeholder', 'aria-label']) {
    const en = `en${attr === 'placeholder' ? 'Placeholder' : 'AriaLabel'}`;
    const zh = `zh${attr === 'placeholder' ? 'Placeholder' : 'AriaLabel'}`;
    for (const el of root.querySelectorAll(`[data-en-${attr}]`)) {
      if (el.dataset[zh] === undefined) el.dataset[zh] = el.getAttribute(attr) || '';
      el.setAttribute(attr, lang === 'en' ? el.dataset[en] : el.dataset[zh]);
    }
  }
}

// ---- building the document ----------------------------------------------------------------
const text = (id) => $(id).value.trim();
const put = (obj, key, value) => {
  if (value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && !value.length)) obj[key] = value;
};
/** A count as typed: a whole number, or the text itself (约3.5万) for the library to read. */
function count(id) {
  const v = text(id).replace(/[,，\s]/g, '');
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Number(v);
  return text(id);
}
/** 参加活动人数 with the unit chosen beside it. A bare number takes the unit chosen beside it
 *  (`{value, unit}`). Any other text is read by the library as the cell it is (readCell, as a
 *  Word form's cell is read), the chosen unit after it when the text writes none (约3.5万 +
 *  人次): read cleanly, it is saved as `{value, qualifier, unit, source}` (the source as typed);
 *  otherwise — a forecast, an average, another year's figure, several figures, a figure set
 *  aside — the text itself is sent, so the library's finding shows at this field, quoting what
 *  the clerk typed; no figure is picked here. A figure with no unit and none chosen stays
 *  without one (`{value, qualifier, source}`), as a bare number does. */
function participants() {
  const raw = text('participants');
  if (raw === '') return null;
  const chosen = $('participants_unit').value;
  const plain = raw.replace(/[,，\s]/g, '');
  if (/^\d+$/.test(plain)) return chosen ? { value: Number(plain), unit: chosen } : Number(plain);
  const first = lw ? readParticipants(raw) : null;
  const typed = chosen && (!first || noUnit(first)) ? raw + chosen : raw;
  const a = typed === raw || !first ? first : readParticipants(typed);
  if (a && a.ok && !(a.value.warnings || []).length) {
    const q = a.value.value;
    const c = { value: q.value, qualifier: q.qualifier };
    put(c, 'unit', q.unit);
    c.source = raw;
    return c;
  }
  // A figure with no unit and none chosen (约3.5万): saved with no unit, none invented — as a
  // bare number is.
  if (a && !a.ok && a.error && a.error.code === 'text.kind_missing' && !chosen) {
    const p = lw.parseQuantity(raw);
    if (p.ok) return { value: p.value.value, qualifier: p.value.qualifier, source: raw };
  }
  return typed;
}
/** The library's reading of a 参加活动人数 text (readCell, the report's year). */
const readParticipants = (raw) => lw.readCell(raw, { row: 'participants', year: notice ? notice.year : undefined });
/** Whether a reading says the text writes no unit of its own: a figure read with none, or a
 *  refusal for want of one (`text.kind_missing`). */
const noUnit = (a) => (a.ok ? !a.value.value.unit : Boolean(a.error && a.error.code === 'text.kind_missing'));
/** When the clerk writes the unit in the text (约3.5万人次), the select shows it; when the text
 *  no longer writes one, a unit the select took from the text is let go (the clerk's own choice
 *  stays). */
function syncUnit() {
  const sel = $('participants_unit');
  const a = lw && text('participants') ? readParticipants(text('participants')) : null;
  const unit = a && a.ok ? a.value.value.unit : null;
  if (unit) {
    if (![...sel.options].some((o) => o.value === unit)) sel.append(new Option(unit, unit));
    sel.value = unit;
    sel.dataset.fromText = '1';
  } else if (sel.dataset.fromText && (!a || noUnit(a))) {
    sel.value = '';
    delete sel.dataset.fromText;
  }
}
function listItems(id) {
  return [...$(id).querySelectorAll('.item')].map((item) => {
    const o = {};
    for (const el of item.querySelectorAll('[data-key]')) {
      const v = el.value.trim();
      if (el.dataset.key === 'topics') put(o, 'topics', v.split(/[、,，;；\s]+/).filter(Boolean));
      else put(o, el.dataset.key, v); // an empty role select stays out: no role is invented
    }
    return o;
  }).filter((o) => Object.keys(o).some((k) => k !== 'role'));
}
function buildDocument() {
  const doc = { year: notice ? notice.year : undefined };
  put(doc, 'host_unit', $('host_unit').value);
  put(doc, 'organizers', listItems('organizers'));
  const leadership = {};
  put(leadership, 'issuing_departments', $('issuing_departments').value.split('\n').map((s) => s.trim()).filter(Boolean));
  put(leadership, 'attending_leaders', listItems('attending_leaders'));
  put(leadership, 'coordinating_department', text('coordinating_department'));
  put(leadership, 'planning_department', text('planning_department'));
  put(doc, 'leadership', Object.keys(leadership).length ? leadership : null);
  const participation = {};
  for (const k of ['units_total', 'units_participating', 'main_venues', 'sub_venues']) put(participation, k, count(k));
  put(participation, 'participants', participants());
  put(participation, 'featured_activities', listItems('featured_activities'));
  put(doc, 'participation', Object.keys(participation).length ? participation : null);
  const tc = {};
  put(tc, 'theme', text('theme'));
  put(tc, 'content', text('content'));
  put(tc, 'outcomes', text('outcomes'));
  const period = {};
  put(period, 'start', $('period_start').value);
  put(period, 'end', $('period_end').value);
  put(tc, 'period', Object.keys(period).length ? period : null);
  put(doc, 'theme_and_content', Object.keys(tc).length ? tc : null);
  const reach = {};
  put(reach, 'scope', text('reach_scope'));
  const sat = text('satisfaction');
  put(reach, 'satisfaction', /^\d+(\.\d+)?$/.test(sat) ? Number(sat) : sat);
  put(reach, 'self_assessment', text('self_assessment'));
  put(doc, 'reach', Object.keys(reach).length ? reach : null);
  const publicity = {};
  put(publicity, 'scope', text('publicity_scope'));
  put(publicity, 'text_reports', count('text_reports'));
  put(publicity, 'image_reports', count('image_reports'));
  put(doc, 'publicity', Object.keys(publicity).length ? publicity : null);
  put(doc, 'other', text('other'));
  return doc;
}

// ---- showing the answer -------------------------------------------------------------------
const under = (path, p) => path === p || path.startsWith(p + '/');
/** The element whose pointer is the longest prefix of `path` (rows list several, space-separated);
 *  on a tie the later one in document order, i.e. the field inside the row that also lists it. */
function target(path) {
  let best = null;
  let len = -1;
  for (const el of document.querySelectorAll('#form [data-pointer]')) {
    for (const p of el.dataset.pointer.split(' ')) {
      if (p.length >= len && under(path, p)) { best = el; len = p.length; }
    }
  }
  return best;
}
const isField = (el) => el.matches(FIELDS);
/** The fields a message describes: its own field, or every field of the row it names. */
const fieldsOf = (el, row) => (isField(el) ? [el] : [...row.querySelectorAll(FIELDS)]);
/** Whether a message at `el` shows beside it yet: not while the clerk is still typing elsewhere in
 *  the row (「缺少必填项“结束日期”」 waits until the end date is touched or the row is left). */
function visible(el, row) {
  if (showAll || leftRows.has(row)) return true;
  if (isField(el)) return touched.has(el);
  return [...row.querySelectorAll(FIELDS)].some((f) => touched.has(f));
}
/** A message line: a button that moves the focus to its field, or plain text for the document. */
function messageLine(d, t, pathOf = (p) => p) {
  const li = document.createElement('li');
  li.className = `sev-${d.severity}`;
  li.dataset.code = d.code;
  li.dataset.path = d.path;
  const label = `${t.severity[d.severity]} · ${d.message}`;
  const el = d.document ? null : target(pathOf(d.path));
  const row = el && el.closest('tr');
  if (!row) { li.textContent = label; return li; }
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'jump';
  b.textContent = label;
  b.title = t.jump;
  b.addEventListener('click', () => {
    const f = isField(el) ? el : row.querySelector(FIELDS);
    (f || row).focus();
    (f || row).scrollIntoView({ block: 'center' });
  });
  li.append(b);
  return li;
}
let msgId = 0;
/** The messages beside their fields, tied to them by aria-describedby / aria-invalid. */
function renderFields(answer) {
  for (const el of document.querySelectorAll('#form .msgs')) el.remove();
  for (const el of document.querySelectorAll('#form [aria-invalid], #form [aria-describedby]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
  for (const el of document.querySelectorAll('tr.has-error, tr.has-warning')) el.classList.remove('has-error', 'has-warning');
  for (const d of answer.diagnostics) {
    const el = d.document ? null : target(d.path);
    const row = el && el.closest('tr');
    if (!row || !visible(el, row)) continue;
    let box = row.querySelector('.msgs');
    if (!box) {
      box = document.createElement('ul');
      box.className = 'msgs';
      row.lastElementChild.append(box);
    }
    const m = document.createElement('li');
    m.className = `msg sev-${d.severity}`;
    m.id = `msg-${++msgId}`;
    m.dataset.code = d.code;
    m.dataset.path = d.path;
    m.textContent = d.message;
    box.append(m);
    // Tie the message to its field(s): read out with the field, and errors mark it invalid.
    for (const f of fieldsOf(el, row)) {
      f.setAttribute('aria-describedby', `${f.getAttribute('aria-describedby') || ''} ${m.id}`.trim());
      if (d.severity === 'error') f.setAttribute('aria-invalid', 'true');
    }
    if (d.severity !== 'info') row.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
  }
}
function render(answer) {
  renderFields(answer);
  const t = UI[lang];
  const list = $('summary-list');
  list.textContent = '';
  for (const d of answer.diagnostics) list.append(messageLine(d, t));
  const infos = answer.diagnostics.filter((d) => d.severity === 'info').length;
  $('summary-counts').textContent = answer.valid && !answer.warnings ? `${t.summaryOk} ${t.counts(answer, infos)}` : t.counts(answer, infos);
  $('summary').className = `summary no-print ${answer.valid ? 'valid' : 'invalid'}`;
}
function validateNow() {
  if (!validator) return;
  last = validator.validateSummary(buildDocument(), { lang });
  render(last);
  checkPackage();
  syncPrint();
}

// ---- print view: each control's text beside it, shown only in print ---------------------------
/** Keeps a `.pv` (print value) after every control with its whole text; form.css hides the
 *  controls and shows these in @media print, so a long cell prints in full. */
function syncPrint() {
  for (const el of document.querySelectorAll(`#form ${FIELDS.split(', ').join(', #form ')}`)) {
    let pv = el.nextElementSibling;
    if (!pv || !pv.classList.contains('pv')) {
      pv = document.createElement('span');
      pv.className = 'pv';
      pv.setAttribute('aria-hidden', 'true');
      el.after(pv);
    }
    let v = el.tagName === 'SELECT' ? (el.value ? el.selectedOptions[0].textContent : '') : el.value;
    if (el.dataset.key === 'role' && v) v = lang === 'en' ? `(${v})` : `（${v}）`;
    if (el.id === 'participants_unit' && $('participants').value.trim().endsWith(el.value)) v = '';
    pv.textContent = v;
  }
  for (const item of document.querySelectorAll('#form .item')) {
    item.classList.toggle('blank', ![...item.querySelectorAll('[data-key]')].some((f) => f.tagName !== 'SELECT' && f.value.trim()));
  }
}

// ---- drafts: saved as typed, one per unit, restored on reload with the language ------------------
const STORE = 'learning-week/form/v1';
function store() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) || '{}');
    return { lang: s.lang || 'zh', current: s.current || '', drafts: s.drafts && typeof s.drafts === 'object' ? s.drafts : {} };
  } catch { return { lang: 'zh', current: '', drafts: {} }; }
}
function writeStore(s) {
  try { localStorage.setItem(STORE, JSON.stringify(s)); } catch { /* storage full or blocked: the form still works */ }
}
/** The form's inputs as the clerk left them (not the document: a half-typed count stays as typed). */
function captureState() {
  const fields = {};
  for (const el of $('form').querySelectorAll('[id]')) if (el.matches(FIELDS)) fields[el.id] = el.value;
  const lists = {};
  for (const list of $('form').querySelectorAll('.list')) {
    lists[list.id] = [...list.querySelectorAll('.item')].map((item) => {
      const o = {};
      for (const el of item.querySelectorAll('[data-key]')) o[el.dataset.key] = el.value;
      return o;
    });
  }
  return { fields, lists, attachments };
}
const isBlank = (st) => !Object.values(st.fields).some((v) => v && v.trim())
  && !Object.values(st.lists).some((items) => items.some((o) => Object.values(o).some((v) => v && v.trim())))
  && !st.attachments.length;
let draftKey = '';
function saveDraft() {
  const st = captureState();
  const s = store();
  const key = st.fields.host_unit || '';
  // The unnamed draft becomes the unit's once a unit is chosen.
  if (key !== draftKey && draftKey === '') delete s.drafts[''];
  draftKey = key;
  s.current = key;
  if (isBlank(st)) delete s.drafts[key];
  else s.drafts[key] = { state: st, saved_at: new Date().toISOString() };
  writeStore(s);
  const d = s.drafts[key];
  $('draft-status').textContent = d ? UI[lang].savedAt(new Date(d.saved_at).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN')) : '';
  listDrafts(s);
}
function listDrafts(s = store()) {
  const pick = $('draft-pick');
  for (const o of [...pick.options].slice(1)) o.remove();
  for (const key of Object.keys(s.drafts).sort()) pick.append(new Option(key || UI[lang].noUnit, `draft:${key}`));
  pick.value = s.drafts[draftKey] ? `draft:${draftKey}` : 'new';
}
/** Puts a captured state back into the form; its filled fields count as touched. */
function restoreState(st) {
  resetForm();
  for (const [id, v] of Object.entries(st.fields || {})) {
    const el = $(id);
    if (!el) continue;
    if (el.tagName === 'SELECT' && v && ![...el.options].some((o) => o.value === v)) el.append(new Option(v, v));
    el.value = v;
  }
  for (const [id, items] of Object.entries(st.lists || {})) if ($(id)) setList(id, items, (o) => o);
  attachments = Array.isArray(st.attachments) ? st.attachments.filter((a) => a && a.name && MATERIAL[a.kind]) : [];
  renderAttachments();
  for (const el of $('form').querySelectorAll(FIELDS)) if (el.value && el.tagName !== 'SELECT') leftRows.add(el.closest('tr'));
}
function resetForm() {
  $('form').reset();
  for (const id of ['organizers', 'attending_leaders', 'featured_activities']) setList(id, [], (o) => o);
  attachments = [];
  renderAttachments();
  touched.clear();
  leftRows.clear();
  showAll = false;
}
/** Loads the saved draft of `key` (a unit, or '' for the one without a unit), or a blank form for null. */
function loadDraft(key) {
  const d = key === null ? null : store().drafts[key];
  if (d) restoreState(d.state); else resetForm();
  draftKey = d ? key : '';
  const s = store();
  s.current = draftKey;
  writeStore(s);
  listDrafts(s);
  validateNow();
}
function clearDraft() {
  const t = UI[lang];
  if (!window.confirm(t.clearAsk(draftKey || t.noUnit))) return;
  const s = store();
  delete s.drafts[draftKey];
  s.current = '';
  writeStore(s);
  draftKey = '';
  resetForm();
  listDrafts(s);
  $('draft-status').textContent = t.cleared;
  validateNow();
}

// ---- importing a filled Word form ---------------------------------------------------------
/** A count as the form shows it: what was written (约3.5万人次) when it was text, else the number. */
const shown = (c) => (c === null || c === undefined ? '' : typeof c === 'object' ? String(c.source ?? c.value ?? c.level ?? '') : String(c));
/** A count of units or venues as the clerk would type it, its qualifier kept (10余, 约9; a plain
 *  12 when exact): not the source, which for a cell that also held another (全区10个街道，参与活动
 *  10个) is the whole cell, nor the bare number, which would drop 余 or 约. The library reads it
 *  back to the same count. */
const written = (c) => {
  if (c === null || c === undefined) return '';
  if (typeof c !== 'object') return String(c);
  const v = `${c.value ?? ''}`;
  switch (c.qualifier) {
    case 'approx': return `约${v}`;
    case 'at_least': return `${v}余`;
    case 'at_most': return `不超过${v}`;
    default: return v;
  }
};
function setList(id, items, pick) {
  for (const item of [...$(id).querySelectorAll('.item')]) item.remove();
  for (const it of items || []) addItem(id, pick(it));
  if (!(items || []).length) addItem(id);
}
/** Fills every input from an imported 总结表 (the library read the Word file: importDocx).
 *  Only what the file says: an organiser without a role keeps the role select empty. */
function fillForm(s) {
  resetForm();
  const set = (id, v) => { $(id).value = v ?? ''; };
  const unit = s.host_unit || '';
  if (unit && ![...$('host_unit').options].some((o) => o.value === unit)) $('host_unit').append(new Option(unit, unit));
  set('host_unit', unit);
  setList('organizers', s.organizers, (o) => ({ name: o.name ?? '', role: o.role ?? '' }));
  const l = s.leadership || {};
  set('issuing_departments', (l.issuing_departments || []).join('\n'));
  setList('attending_leaders', l.attending_leaders, (x) => ({ title: x.title ?? '', name: x.name ?? '' }));
  set('coordinating_department', l.coordinating_department);
  set('planning_department', l.planning_department);
  const p = s.participation || {};
  for (const k of ['units_total', 'units_participating', 'main_venues', 'sub_venues']) set(k, written(p[k]));
  set('participants', shown(p.participants));
  const pu = p.participants && typeof p.participants === 'object' ? p.participants.unit || '' : '';
  if (pu && ![...$('participants_unit').options].some((o) => o.value === pu)) $('participants_unit').append(new Option(pu, pu));
  set('participants_unit', pu);
  setList('featured_activities', p.featured_activities, (a) => ({ name: a.name ?? '', description: a.description ?? '', topics: (a.topics || []).join('、') }));
  const tc = s.theme_and_content || {};
  set('theme', tc.theme);
  set('content', tc.content);
  set('outcomes', tc.outcomes);
  set('period_start', tc.period?.start);
  set('period_end', tc.period?.end);
  const r = s.reach || {};
  set('reach_scope', r.scope);
  set('satisfaction', shown(r.satisfaction));
  set('self_assessment', r.self_assessment);
  const pub = s.publicity || {};
  set('publicity_scope', pub.scope);
  set('text_reports', shown(pub.text_reports));
  set('image_reports', shown(pub.image_reports));
  set('other', s.other);
}
/** The office module, fetched and instantiated the first time it is needed (one promise shared
 *  by every caller); `document.body.dataset.office` says where it stands, for the tests. */
function loadOffice() {
  if (!officeLoad) {
    document.body.dataset.office = 'loading';
    officeLoad = (async () => {
      const office = await import('../pkg/web/learning_week_office.js');
      await office.default();
      document.body.dataset.office = 'ready';
      return office;
    })();
    officeLoad.catch(() => { officeLoad = null; document.body.dataset.office = 'failed'; });
  }
  return officeLoad;
}
/** The office module, or null after saying in `statusId` why it could not be loaded. */
async function office(statusId) {
  const t = UI[lang];
  $(statusId).textContent = t.officeLoading;
  try {
    return await loadOffice();
  } catch (e) {
    $(statusId).textContent = t.officeFailed + e;
    return null;
  }
}
/** The office module's reader for a file: .xlsx Excel, .doc Word 97–2003, anything else .docx
 *  (a file that is no .docx then says so: `import.not_zip`). */
const readerFor = (o, name) => (/\.xlsx$/i.test(name) ? o.importXlsx : /\.doc$/i.test(name) ? o.importDoc : o.importDocx);

/** Reads a dropped or chosen .docx / .xlsx / .doc through the library and fills the form — after
 *  asking, when the form already holds entries. */
async function importFile(file) {
  if (!lw || !file) return;
  const o = await office('import-status');
  if (!o) return;
  const answer = readerFor(o, file.name)(new Uint8Array(await file.arrayBuffer()), { year: notice ? notice.year : null });
  const t = UI[lang];
  const list = $('import-list');
  list.textContent = '';
  for (const d of answer.diagnostics.filter((x) => x.severity !== 'info')) {
    const li = document.createElement('li');
    li.className = `sev-${d.severity}`;
    li.dataset.code = d.code;
    li.textContent = `${t.severity[d.severity]} · ${lang === 'en' ? d.message_en : d.message}`;
    list.append(li);
  }
  if (answer.summary && !isBlank({ ...captureState(), attachments: [] }) && !window.confirm(t.replaceAsk)) {
    $('import-status').textContent = t.importKept;
    $('import').dataset.imported = 'declined';
    return;
  }
  const read = answer.diagnostics.filter((d) => d.code === 'import.parsed').length;
  $('import-status').textContent = t.imported(file.name, answer, read);
  $('import').dataset.imported = answer.summary ? 'true' : 'false';
  if (!answer.summary) return;
  const keep = attachments;
  fillForm(answer.summary);
  attachments = keep;
  renderAttachments();
  showAll = true;
  saveDraft();
  validateNow();
}

// ---- the package: the notice's reporting duty, the files, validateSubmission -----------------
function renderDuty() {
  const r = notice && notice.reporting;
  const dl = $('duty');
  dl.textContent = '';
  if (!r) return;
  const t = UI[lang];
  const add = (key, value) => {
    if (!value) return;
    const dt = document.createElement('dt');
    dt.textContent = t.duty[key];
    const dd = document.createElement('dd');
    dd.dataset.duty = key;
    dd.textContent = value;
    dl.append(dt, dd);
  };
  add('deadline', r.deadline && `${r.deadline}${r.deadline_inclusive ? t.inclusive : ''}`);
  add('materials', (r.materials || []).map((m) => `${MATERIAL[m.kind] ? MATERIAL[m.kind][lang] : m.kind}${t.each(m.count || 1)}`).join(lang === 'en' ? '; ' : '；'));
  add('formats', (r.formats || []).join(lang === 'en' ? '; ' : '、'));
  add('recipient', [r.recipient, r.email].filter(Boolean).join(lang === 'en' ? ', ' : '，'));
  add('contacts', (r.contacts || []).map((c) => [c.organisation, c.name, c.phone].filter(Boolean).join(' ')).join(lang === 'en' ? '; ' : '；'));
}
/** A first guess at a file's kind from its name; the clerk corrects it in the select. */
function guessKind(name) {
  if (/总结表/.test(name)) return 'summary_table';
  if (/案例/.test(name)) return 'typical_case';
  if (/盖章|扫描/.test(name) || /\.pdf$/i.test(name)) return 'stamped_scan';
  if (/总结/.test(name)) return 'work_summary';
  return 'other';
}
const formFileName = () => `总结表-${$('host_unit').value || 'draft'}.json`;
/** The files named in the package: the clerk's, plus this form's own download as the 总结表
 *  unless she attached a 总结表 file herself. */
function materials() {
  const m = attachments.map((a) => ({ kind: a.kind, file_name: a.name }));
  if (!m.some((x) => x.kind === 'summary_table')) m.push({ kind: 'summary_table', file_name: formFileName(), format: 'json' });
  return m;
}
function renderAttachments() {
  const list = $('attach-list');
  list.textContent = '';
  const t = UI[lang];
  attachments.forEach((a, i) => {
    const li = $('t-attachment').content.firstElementChild.cloneNode(true);
    li.querySelector('.file-name').textContent = a.name;
    const sel = li.querySelector('select');
    for (const [k, v] of Object.entries(MATERIAL)) sel.append(new Option(v[lang], k));
    sel.value = a.kind;
    sel.setAttribute('aria-label', t.kind(a.name));
    sel.addEventListener('change', () => { a.kind = sel.value; afterAttach(); });
    const rm = li.querySelector('.remove');
    rm.addEventListener('click', () => { attachments.splice(i, 1); afterAttach(); });
    translate(li);
    rm.setAttribute('aria-label', `${lang === 'en' ? 'Remove' : '删除'} ${a.name}`);
    list.append(li);
  });
  if (!attachments.some((a) => a.kind === 'summary_table')) {
    const li = document.createElement('li');
    li.className = 'item this-form';
    li.textContent = t.thisForm(formFileName());
    list.append(li);
  }
}
function afterAttach() {
  renderAttachments();
  saveDraft();
  checkPackage();
}
/** Now, in the notice's time zone (`reporting.utc_offset`, e.g. +08:00), as RFC 3339. */
function nowAt(offset) {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset || '+08:00');
  const mins = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 480;
  return new Date(Date.now() + mins * 60_000).toISOString().slice(0, 19) + (m ? offset : '+08:00');
}
/** Checks the whole package with the library once the clerk has attached files; 「可以报送」 only
 *  when validateSubmission finds no error. */
function checkPackage() {
  if (!validator) return;
  const t = UI[lang];
  const verdict = $('package-verdict');
  const list = $('package-list');
  list.textContent = '';
  if (!attachments.length) {
    verdict.textContent = t.verdictNone;
    verdict.dataset.state = 'none';
    return;
  }
  const submission = { summary: buildDocument(), materials: materials(), submitted_at: nowAt(notice.reporting && notice.reporting.utc_offset) };
  const a = validator.validateSubmission(submission, { lang });
  verdict.textContent = a.valid ? t.verdictOk : t.verdictNo(a);
  verdict.dataset.state = a.valid ? 'ok' : 'no';
  for (const d of a.diagnostics.filter((x) => x.severity !== 'info')) {
    list.append(messageLine(d, t, (p) => (p.startsWith('/summary/') ? p.slice('/summary'.length) : '/-')));
  }
}

// ---- wiring -------------------------------------------------------------------------------
function addItem(listId, values = {}) {
  const list = $(listId);
  const item = $(`t-${list.dataset.item}`).content.firstElementChild.cloneNode(true);
  for (const el of item.querySelectorAll('[data-key]')) if (values[el.dataset.key] !== undefined) el.value = values[el.dataset.key];
  item.querySelector('.remove').addEventListener('click', () => { item.remove(); numberItems(); saveDraft(); validateNow(); });
  translate(item);
  list.append(item);
  numberItems();
}
/** Gives each list input its pointer (/organizers/0/name), so messages find it, and its name
 *  (主办单位及协办单位第1项：名称), so a screen reader says which item it is in. */
function numberItems() {
  const t = UI[lang];
  for (const list of document.querySelectorAll('#form .list')) {
    const base = list.closest('tr').dataset.pointer;
    const listName = t.lists[list.id];
    [...list.querySelectorAll('.item')].forEach((item, i) => {
      for (const el of item.querySelectorAll('[data-key]')) {
        el.dataset.pointer = `${base}/${i}/${el.dataset.key}`;
        const key = list.id === 'attending_leaders' && el.dataset.key === 'name' ? t.leaderName : t.keys[el.dataset.key];
        el.setAttribute('aria-label', t.item(listName, i + 1, key));
      }
      item.querySelector('.remove').setAttribute('aria-label', t.remove(listName, i + 1));
    });
  }
}
function applyLang() {
  const t = UI[lang];
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  translate(document);
  $('summary-title').textContent = t.title;
  $('lang-en').checked = lang === 'en';
  if (notice) {
    $('title').textContent = t.sheetTitle(notice);
    document.title = $('title').textContent;
  }
  if (lw) $('status').textContent = t.ready;
  numberItems();
  listDrafts();
  renderDuty();
  renderAttachments();
}
/** Hands `blob` to the browser as a download named `name`. */
function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
function download() {
  showAll = true;
  validateNow();
  const doc = buildDocument();
  save(new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' }), formFileName());
}
/** 「下载 Word」: the filled 总结表 as .docx, written by core's export (the CLI's `export
 *  summary`) in the office module, against the page's notice. A half-filled form gives empty
 *  cells; what cannot be exported says why in #docx-status. */
async function downloadDocx() {
  showAll = true;
  validateNow();
  const o = await office('docx-status');
  if (!o) return;
  const t = UI[lang];
  const a = o.exportSummaryDocx(buildDocument(), { notice, kind: 'summary' });
  if (!a.ok) {
    const why = a.diagnostics.length ? a.diagnostics.map((d) => (lang === 'en' ? d.message_en : d.message)).join('；') : a.error;
    $('docx-status').textContent = t.docxFailed + why;
    return;
  }
  const name = formFileName().replace(/\.json$/, '.docx');
  save(new Blob([a.bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), name);
  $('docx-status').textContent = t.docxDone(name);
}

async function main() {
  for (const id of ['organizers', 'attending_leaders', 'featured_activities']) addItem(id);
  for (const b of document.querySelectorAll('[data-add]')) b.addEventListener('click', () => { addItem(b.dataset.add); saveDraft(); });
  const form = $('form');
  let previousUnit = '';
  const onChange = (e) => {
    if (!e.target.matches(FIELDS)) return;
    // A text field's `change` (on blur) repeats what its `input` did; re-rendering then would
    // replace the message button a click on it is about to reach.
    if (e.type === 'change' && e.target.tagName !== 'SELECT') return;
    // The unit select is handled on `change` only (its `input` comes first and would already
    // have saved the form under the new unit).
    if (e.target.id === 'host_unit' && e.type === 'input') return;
    if (e.target.id === 'host_unit') {
      // Another unit with a saved draft: load it, or stay — never overwrite a saved draft.
      const unit = e.target.value;
      const saved = store().drafts[unit];
      if (unit && unit !== draftKey && saved) {
        if (window.confirm(UI[lang].loadOtherAsk(unit))) { loadDraft(unit); previousUnit = unit; return; }
        e.target.value = previousUnit;
        return;
      }
      previousUnit = unit;
    }
    if (e.target.id === 'participants_unit') delete e.target.dataset.fromText; // the clerk's own choice
    if (e.target.id === 'participants') syncUnit();
    touched.add(e.target);
    saveDraft();
    validateNow();
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  // Leaving a row after typing in it shows all of its messages (the end date's 必填 among them).
  form.addEventListener('focusout', (e) => {
    const row = e.target.closest && e.target.closest('tr');
    if (!row || (e.relatedTarget && row.contains(e.relatedTarget))) return;
    if ([...row.querySelectorAll(FIELDS)].some((f) => touched.has(f)) && !leftRows.has(row)) {
      leftRows.add(row);
      // Only the messages beside the fields: rebuilding the lists here would replace the very
      // message button a click is moving the focus to.
      if (last) renderFields(last);
    }
  });
  $('lang-en').addEventListener('change', (e) => {
    lang = e.target.checked ? 'en' : 'zh';
    const s = store();
    s.lang = lang;
    writeStore(s);
    applyLang();
    validateNow();
  });
  $('download').addEventListener('click', download);
  $('download-docx').addEventListener('click', downloadDocx);
  $('print').addEventListener('click', () => { syncPrint(); window.print(); });
  window.addEventListener('beforeprint', syncPrint);
  $('draft-pick').addEventListener('change', (e) => {
    loadDraft(e.target.value.startsWith('draft:') ? e.target.value.slice('draft:'.length) : null);
    previousUnit = $('host_unit').value;
  });
  $('draft-clear').addEventListener('click', () => { clearDraft(); previousUnit = ''; });
  $('docx').addEventListener('change', (e) => { importFile(e.target.files[0]); e.target.value = ''; });
  $('attach').addEventListener('change', (e) => {
    for (const f of e.target.files) attachments.push({ name: f.name, kind: guessKind(f.name) });
    e.target.value = '';
    afterAttach();
  });
  const main = document.querySelector('main');
  main.addEventListener('dragover', (e) => { e.preventDefault(); main.classList.add('dragging'); });
  main.addEventListener('dragleave', () => main.classList.remove('dragging'));
  main.addEventListener('drop', (e) => {
    e.preventDefault();
    main.classList.remove('dragging');
    const file = [...(e.dataTransfer?.files || [])].find((f) => /\.(docx|xlsx|doc)$/i.test(f.name)) || e.dataTransfer?.files?.[0];
    importFile(file);
  });
  const saved = store();
  lang = saved.lang === 'en' ? 'en' : 'zh';
  applyLang();
  try {
    lw = await import('../pkg/web/learning_week.js');
    await lw.default();
  } catch (e) {
    lw = null;
    $('status').textContent = UI[lang].failed + e;
    $('status').className = 'failed';
    return;
  }
  // The notice is compiled once, when the page loads (`?notice=URL` for another year's or city's
  // notice JSON); every keystroke then validates against the compiled one.
  try {
    const url = new URLSearchParams(location.search).get('notice');
    validator = url ? new lw.Validator(await (await fetch(url)).text()) : new lw.Validator();
  } catch (e) {
    const why = Array.isArray(e.diagnostics) ? e.diagnostics.map((d) => `${d.path || '/'}: ${d.message}`).join('; ') : String(e);
    $('status').textContent = UI[lang].failed + why;
    $('status').className = 'failed';
    return;
  }
  notice = validator.notice;
  for (const u of notice.jurisdiction.units) $('host_unit').append(new Option(u.name, u.name));
  // Dates stay inside the notice's year (a digit typed out of order cannot make the year 11122).
  if (notice.year) {
    for (const id of ['period_start', 'period_end']) { $(id).min = `${notice.year}-01-01`; $(id).max = `${notice.year}-12-31`; }
  }
  // The draft last worked on comes back, with the language it was typed in.
  if (saved.drafts[saved.current]) {
    restoreState(saved.drafts[saved.current].state);
    draftKey = saved.current;
  }
  previousUnit = $('host_unit').value;
  applyLang();
  document.body.dataset.ready = 'true';
  validateNow();
}
main();

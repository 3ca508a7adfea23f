// The 总结表 as a web form. Every rule, message and default comes from the WebAssembly package
// (the same core the city's Rust and Python code runs); this file only builds the document from
// the inputs, calls validateSummary on every input, and puts each message next to the field
// its JSON Pointer names.
const $ = (id) => document.getElementById(id);
const UI = {
  zh: { ready: '校验程序已就绪', failed: '校验程序加载失败：', title: '校验结果', ok: '全部通过，可以报送。',
        counts: (a, i) => `错误 ${a.errors} 个，警告 ${a.warnings} 个，提示 ${i} 个`, download: '下载 JSON',
        severity: { error: '错误', warning: '警告', info: '提示' }, choose: '— 请选择 —',
        imported: (name, a, n) => `已从 ${name} 导入 ${n} 栏；${a.warnings} 处需核对，${a.errors} 个错误`,
        importLabel: '导入已填好的 Word 总结表（.docx），或把文件拖到表上' },
  en: { ready: 'Validator ready', failed: 'The validator failed to load: ', title: 'Validation', ok: 'All checks passed: ready to submit.',
        counts: (a, i) => `${a.errors} error(s), ${a.warnings} warning(s), ${i} note(s)`, download: 'Download JSON',
        severity: { error: 'Error', warning: 'Warning', info: 'Note' }, choose: '— choose —',
        imported: (name, a, n) => `Imported ${n} row(s) from ${name}; ${a.warnings} to check, ${a.errors} error(s)`,
        importLabel: 'Import a filled Word 总结表 (.docx), or drop the file on the form' },
};
let lw = null;
/** The compiled notice (a `Validator`), built once when the page loads. */
let validator = null;
let notice = null;
let lang = 'zh';
let last = null;
const touched = new Set(); // rows the user has changed; the others show messages only after "download"
let showAll = false;

// ---- building the document ----------------------------------------------------------------
const text = (id) => $(id).value.trim();
const put = (obj, key, value) => {
  if (value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && !value.length)) obj[key] = value;
};
/** A count as typed: a whole number, or the text itself (约3.5万人次) for the library to read. */
function count(id, unit) {
  const v = text(id).replace(/[,，\s]/g, '');
  if (v === '') return null;
  if (/^\d+$/.test(v)) return unit ? { value: Number(v), unit } : Number(v);
  return text(id);
}
function listItems(id) {
  return [...$(id).querySelectorAll('.item')].map((item) => {
    const o = {};
    for (const el of item.querySelectorAll('[data-key]')) {
      const v = el.value.trim();
      if (el.dataset.key === 'topics') put(o, 'topics', v.split(/[、,，;；\s]+/).filter(Boolean));
      else if (el.tagName !== 'SELECT' || Object.keys(o).length || v) put(o, el.dataset.key, v);
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
  put(participation, 'participants', count('participants', $('participants_unit').value));
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
/** The element whose pointer is the longest prefix of `path` (rows list several, space-separated). */
function target(path) {
  let best = null;
  let len = -1;
  for (const el of document.querySelectorAll('[data-pointer]')) {
    for (const p of el.dataset.pointer.split(' ')) {
      if (p.length > len && under(path, p)) { best = el; len = p.length; }
    }
  }
  return best;
}
function render(answer) {
  for (const el of document.querySelectorAll('.msgs')) el.remove();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('tr.has-error, tr.has-warning')) el.classList.remove('has-error', 'has-warning');
  const t = UI[lang];
  const list = $('summary-list');
  list.textContent = '';
  for (const d of answer.diagnostics) {
    const el = d.document ? null : target(d.path);
    const row = el && el.closest('tr');
    const li = document.createElement('li');
    li.className = `sev-${d.severity}`;
    li.dataset.code = d.code;
    li.dataset.path = d.path;
    li.textContent = `${t.severity[d.severity]} · ${d.message}`;
    if (row) li.addEventListener('click', () => (row.querySelector('input,select,textarea') || row).focus());
    list.append(li);
    if (!row || !(showAll || touched.has(row))) continue;
    let box = row.querySelector('.msgs');
    if (!box) {
      box = document.createElement('ul');
      box.className = 'msgs';
      row.lastElementChild.append(box);
    }
    const m = document.createElement('li');
    m.className = `msg sev-${d.severity}`;
    m.dataset.code = d.code;
    m.dataset.path = d.path;
    m.textContent = d.message;
    box.append(m);
    if (d.severity !== 'info') {
      row.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
      if (el.matches('input,select,textarea') && d.severity === 'error') el.setAttribute('aria-invalid', 'true');
    }
  }
  const infos = answer.diagnostics.filter((d) => d.severity === 'info').length;
  $('summary-counts').textContent = answer.valid && !answer.warnings ? `${t.ok} ${t.counts(answer, infos)}` : t.counts(answer, infos);
  $('summary').className = `summary ${answer.valid ? 'valid' : 'invalid'}`;
}
function validateNow() {
  if (!validator) return;
  last = validator.validateSummary(buildDocument(), { lang });
  render(last);
}

// ---- importing a filled Word form ---------------------------------------------------------
/** A count as the form shows it: what was written (约3.5万人次) when it was text, else the number. */
const shown = (c) => (c === null || c === undefined ? '' : typeof c === 'object' ? String(c.source ?? c.value ?? c.level ?? '') : String(c));
/** Only the number of a count whose cell also held another (全区10个街道，参与活动10个). */
const number = (c) => (c === null || c === undefined ? '' : typeof c === 'object' ? (c.qualifier && c.qualifier !== 'exact' ? `${c.value}` : String(c.value ?? '')) : String(c));
function setList(id, items, pick) {
  for (const item of [...$(id).querySelectorAll('.item')]) item.remove();
  for (const it of items || []) addItem(id, pick(it));
  if (!(items || []).length) addItem(id);
}
/** Fills every input from an imported 总结表 (the library read the Word file: importDocx). */
function fillForm(s) {
  const set = (id, v) => { $(id).value = v ?? ''; };
  const unit = s.host_unit || '';
  if (unit && ![...$('host_unit').options].some((o) => o.value === unit)) $('host_unit').append(new Option(unit, unit));
  set('host_unit', unit);
  setList('organizers', s.organizers, (o) => ({ name: o.name ?? '', ...(o.role ? { role: o.role } : {}) }));
  const l = s.leadership || {};
  set('issuing_departments', (l.issuing_departments || []).join('\n'));
  setList('attending_leaders', l.attending_leaders, (x) => ({ title: x.title ?? '', name: x.name ?? '' }));
  set('coordinating_department', l.coordinating_department);
  set('planning_department', l.planning_department);
  const p = s.participation || {};
  for (const k of ['units_total', 'units_participating', 'main_venues', 'sub_venues']) set(k, number(p[k]));
  set('participants', shown(p.participants));
  set('participants_unit', p.participants && typeof p.participants === 'object' && ['人', '人次'].includes(p.participants.unit) ? p.participants.unit : '');
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
/** Reads a dropped or chosen .docx through the library, fills the form, validates it all. */
async function importFile(file) {
  if (!lw || !file) return;
  const answer = lw.importDocx(new Uint8Array(await file.arrayBuffer()), { year: notice ? notice.year : null });
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
  const read = answer.diagnostics.filter((d) => d.code === 'import.parsed').length;
  $('import-status').textContent = t.imported(file.name, answer, read);
  $('import').dataset.imported = answer.summary ? 'true' : 'false';
  if (!answer.summary) return;
  fillForm(answer.summary);
  showAll = true;
  validateNow();
}

// ---- wiring -------------------------------------------------------------------------------
function addItem(listId, values = {}) {
  const list = $(listId);
  const item = $(`t-${list.dataset.item}`).content.firstElementChild.cloneNode(true);
  for (const el of item.querySelectorAll('[data-key]')) if (values[el.dataset.key] !== undefined) el.value = values[el.dataset.key];
  item.querySelector('.remove').addEventListener('click', () => { item.remove(); numberItems(); validateNow(); });
  list.append(item);
  numberItems();
}
/** Gives each list input its pointer (/organizers/0/name), so messages find it. */
function numberItems() {
  for (const list of document.querySelectorAll('.list')) {
    const base = list.closest('tr').dataset.pointer;
    [...list.querySelectorAll('.item')].forEach((item, i) => {
      for (const el of item.querySelectorAll('[data-key]')) el.dataset.pointer = `${base}/${i}/${el.dataset.key}`;
    });
  }
}
function applyLang() {
  const t = UI[lang];
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  $('summary-title').textContent = t.title;
  $('download').textContent = t.download;
  $('docx-label').textContent = t.importLabel;
  $('host_unit').options[0].textContent = t.choose;
  if (lw) $('status').textContent = t.ready;
}
function download() {
  showAll = true;
  validateNow();
  const doc = buildDocument();
  const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `总结表-${doc.host_unit || 'draft'}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function main() {
  for (const id of ['organizers', 'attending_leaders', 'featured_activities']) addItem(id);
  for (const b of document.querySelectorAll('[data-add]')) b.addEventListener('click', () => { addItem(b.dataset.add); });
  const form = $('form');
  const onChange = (e) => {
    const row = e.target.closest('tr');
    if (row) touched.add(row);
    validateNow();
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  $('lang-en').addEventListener('change', (e) => { lang = e.target.checked ? 'en' : 'zh'; applyLang(); validateNow(); });
  $('download').addEventListener('click', download);
  $('docx').addEventListener('change', (e) => { importFile(e.target.files[0]); });
  const main = document.querySelector('main');
  main.addEventListener('dragover', (e) => { e.preventDefault(); main.classList.add('dragging'); });
  main.addEventListener('dragleave', () => main.classList.remove('dragging'));
  main.addEventListener('drop', (e) => {
    e.preventDefault();
    main.classList.remove('dragging');
    const file = [...(e.dataTransfer?.files || [])].find((f) => /\.docx$/i.test(f.name)) || e.dataTransfer?.files?.[0];
    importFile(file);
  });
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
  $('title').textContent = `${notice.year}年${notice.jurisdiction.city}全民终身学习活动周总结表`;
  document.title = $('title').textContent;
  for (const u of notice.jurisdiction.units) $('host_unit').append(new Option(u.name, u.name));
  if (notice.week) { $('period_start').min = $('period_end').min = `${notice.year}-01-01`; }
  applyLang();
  document.body.dataset.ready = 'true';
  validateNow();
}
main();

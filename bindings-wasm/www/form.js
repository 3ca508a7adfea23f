// The 总结表 as a web form. Every rule, message and default comes from the WebAssembly package
// (the same core the city's Rust and Python code runs); this file only builds the document from
// the inputs, calls validateSummary on every input, and puts each message next to the field
// its JSON Pointer names.
const $ = (id) => document.getElementById(id);
const UI = {
  zh: { ready: '校验程序已就绪', failed: '校验程序加载失败：', title: '校验结果', ok: '全部通过，可以报送。',
        counts: (a, i) => `错误 ${a.errors} 个，警告 ${a.warnings} 个，提示 ${i} 个`, download: '下载 JSON',
        severity: { error: '错误', warning: '警告', info: '提示' }, choose: '— 请选择 —' },
  en: { ready: 'Validator ready', failed: 'The validator failed to load: ', title: 'Validation', ok: 'All checks passed: ready to submit.',
        counts: (a, i) => `${a.errors} error(s), ${a.warnings} warning(s), ${i} note(s)`, download: 'Download JSON',
        severity: { error: 'Error', warning: 'Warning', info: 'Note' }, choose: '— choose —' },
};
let lw = null;
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
  if (!lw) return;
  last = lw.validateSummary(buildDocument(), { lang });
  render(last);
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
  try {
    lw = await import('../pkg/web/learning_week.js');
    await lw.default();
  } catch (e) {
    lw = null;
    $('status').textContent = UI[lang].failed + e;
    $('status').className = 'failed';
    return;
  }
  notice = lw.defaultNotice();
  $('title').textContent = `${notice.year}年${notice.jurisdiction.city}全民终身学习活动周总结表`;
  document.title = $('title').textContent;
  for (const u of notice.jurisdiction.units) $('host_unit').append(new Option(u.name, u.name));
  if (notice.week) { $('period_start').min = $('period_end').min = `${notice.year}-01-01`; }
  applyLang();
  document.body.dataset.ready = 'true';
  validateNow();
}
main();

// The page's own words, Chinese and English. Messages about documents (findings, errors) come from drafter
// itself, in the language the page asks for; these are only the labels around them.

const ZH = {
  'app.name': '工作要点助手',
  'app.sub': '起草 · 检查 · 对比，全部在本机完成，不联网',
  'tab.draft': '起草', 'tab.check': '检查', 'tab.compare': '对比',
  'lang.switch': 'English',
  'file.choose': '选择文件', 'file.none': '未选择文件', 'file.drop': '或把文件拖到这里',
  'file.optional': '（可选）',
  'kinds.plan': '.docx .txt .doc .wps',
  'busy.queued': '排队中…', 'busy.read': '正在读取文件…', 'busy.convert': '正在用 LibreOffice 转换格式…',
  'busy.parse': '正在分析结构…', 'busy.check': '正在检查…', 'busy.compare': '正在对比…',
  'busy.render': '正在生成结果…', 'busy.running': '正在处理…', 'busy.done': '完成',
  'busy.seconds': '已用 {s} 秒',
  'err.title': '未能完成', 'err.network': '无法连接 drafter 服务（它是否已关闭？请重新运行 drafter serve）',
  'err.dismiss': '知道了',
  'stale.note': '下面仍是上一次的结果（{f}），不是刚才选的文件。',
  'download.failed': '下载失败',

  // draft
  'draft.title': '起草新一年的工作要点',
  'draft.lead': '上传去年的工作要点，drafter 按它生成新一年的大纲：年份、改名的单位、标点已更新，需要人工核对的地方会标出来。在下面逐条修改后，下载符合 GB/T 9704 的 Word 文稿。',
  'draft.plan': '去年的工作要点', 'draft.summary': '去年的工作总结', 'draft.year': '新一年',
  'draft.year.hint': '不填则为去年的下一年',
  'draft.start': '生成大纲',
  'draft.resume.title': '接着编辑保存过的大纲',
  'draft.resume.lead': '上传之前保存的大纲文件（.yaml，命令行 drafter init 生成的也可以）；同时上传去年的工作要点和总结，可以看到去年的指标和完成数。',
  'draft.outline': '大纲文件', 'draft.resume': '继续编辑',
  'draft.docx': '下载 Word 文稿', 'draft.txt': '下载文本', 'draft.yaml': '保存大纲（.yaml）',
  'draft.restart': '重新开始', 'draft.restart.confirm': '放弃当前的修改，重新开始？',
  'draft.leave': '大纲还没有保存，离开会丢失修改。',
  'draft.head': '标题与基本信息',
  'draft.f.title': '标题', 'draft.f.year': '年份', 'draft.f.issuer': '发文机关', 'draft.f.date': '成文日期',
  'draft.f.date.ph': '如 2024年3月5日，可留空',
  'draft.f.numbering': '编号方式', 'num.continuous': '条目跨章节连续编号', 'num.restart': '每章重新编号',
  'draft.f.agency_style': '责任单位写法', 'as.lead': '（XX牵头，YY配合）', 'as.responsible': '（责任单位：XX）',
  'as.none': '不写',
  'draft.f.appendix': '附任务分工表',
  'draft.preamble': '开头段落（总体要求、主要预期目标）',
  'draft.headline': '主要预期目标',
  'draft.body': '章节与条目', 'draft.summary.used': '对照的工作总结：{t}',
  'draft.summary.none': '没有上传工作总结：指标旁不显示上年完成数。',
  'draft.preview': '全文预览', 'draft.preview.lead': '序号和文字都按 drafter 起草时的样子显示。',
  'draft.notes': '需要核对 {n} 处', 'draft.notes.none': '没有待核对的提示',
  'draft.counts': '共 {items} 条：沿用 {carried}、修改 {edited}、调整位置 {moved}、新增 {added}、删除 {dropped}',
  'node.title.ph': '标题或首句', 'node.text.ph': '正文（首句之后的文字）',
  'node.up': '上移', 'node.down': '下移', 'node.move': '移到…', 'node.drop': '删除', 'node.restore': '恢复',
  'node.add': '添加条目', 'node.addSection': '添加一章', 'node.addSub': '添加下一级条目',
  'node.from': '来自去年的 {f}', 'node.new': '新增', 'node.edited': '已修改', 'node.carried': '沿用',
  'node.dropped': '已删除', 'node.moved': '调整位置', 'node.empty': '这个新条目还没有文字，下载时不会写入',
  'node.moveto': '移到：',
  'agency.add': '添加', 'agency.ph': '单位名称', 'agency.remove': '去掉',
  'role.lead': '牵头', 'role.responsible': '负责', 'role.cooperate': '配合',
  'agencies': '责任单位',
  'note.ok': '已核对', 'note.title': '请核对',
  't.metric': '指标', 't.value': '今年目标', 't.unit': '单位', 't.last': '上年目标', 't.achieved': '上年完成',
  't.state': '', 't.raised': '已提高', 't.same': '与上年相同', 't.lowered': '低于上年目标',
  't.not_above': '不高于上年完成数', 't.new': '新指标',
  'draft.saved': '已下载 {f}',

  // check
  'check.title': '检查文稿',
  'check.lead': '上传要报送的工作要点，drafter 检查序号、重复、单位名称、指标与上年总结、过时的年份和提法、括号引号、占位符和版式。',
  'check.file': '要检查的文稿', 'check.prior': '去年的工作要点', 'check.summary': '去年的工作总结',
  'check.config': '本单位的 drafter.yaml', 'check.run': '开始检查',
  'check.empty': '没有发现问题。', 'check.doc': '文稿', 'check.findings': '检查结果',
  'sev.error': '错误', 'sev.warning': '警告', 'sev.info': '提示',
  'check.filter.rule': '规则', 'check.filter.all': '全部规则',
  'check.annotated': '下载批注版 Word', 'check.json': '下载 JSON', 'check.sarif': '下载 SARIF',
  'check.fixed': '下载修正版 Word（改好 {n} 条，修订模式）', 'check.fixed.txt': '下载修正版（改好 {n} 条）',
  'check.explain': '规则说明', 'check.suggestion': '建议：', 'check.excerpt': '原文：', 'check.related': '另见：',
  'check.line': '第 {n} 行', 'check.para': '第 {n} 段', 'check.hidden': '已按筛选隐藏 {n} 条',
  'check.nothing.doc': '（这份文件里没有读出正文）', 'check.close': '关闭',
  'check.total': '共 {n} 条',

  // compare
  'compare.title': '对比两年的工作要点',
  'compare.lead': '上传去年和今年的工作要点，看哪些条目沿用、修改、调整位置、新增、删除，以及每个指标的变化。',
  'compare.old': '去年的工作要点', 'compare.new': '今年的工作要点', 'compare.summary': '去年的工作总结',
  'compare.run': '开始对比', 'compare.docx': '下载修订版 Word（显示修订）', 'compare.json': '下载 JSON',
  'compare.status': '状态', 'compare.byitem': '逐条对比', 'compare.targets': '目标变化',
  'compare.tracking': '目标跟踪', 'compare.item': '条目', 'compare.change': '变化', 'compare.verdict': '判断',
  'compare.oldt': '上年目标', 'compare.newt': '今年目标', 'compare.achieved': '上年完成',
  'compare.filter': '点按状态可只看这一类',
};

const EN = {
  'app.name': 'Work plan assistant',
  'app.sub': 'Draft · check · compare — all on this computer, offline',
  'tab.draft': 'Draft', 'tab.check': 'Check', 'tab.compare': 'Compare',
  'lang.switch': '中文',
  'file.choose': 'Choose file', 'file.none': 'No file chosen', 'file.drop': 'or drop a file here',
  'file.optional': '(optional)',
  'kinds.plan': '.docx .txt .doc .wps',
  'busy.queued': 'Waiting…', 'busy.read': 'Reading the file…', 'busy.convert': 'Converting with LibreOffice…',
  'busy.parse': 'Reading the structure…', 'busy.check': 'Checking…', 'busy.compare': 'Comparing…',
  'busy.render': 'Preparing the result…', 'busy.running': 'Working…', 'busy.done': 'Done',
  'busy.seconds': '{s} s',
  'err.title': 'Could not finish', 'err.network': 'Cannot reach the drafter server (has it stopped? run drafter serve again)',
  'err.dismiss': 'OK',
  'stale.note': 'Below is still the previous result ({f}), not the file you just chose.',
  'download.failed': 'Download failed',

  'draft.title': "Draft next year's work plan",
  'draft.lead': "Upload last year's plan: drafter makes next year's outline from it — years, renamed agencies and punctuation updated, places to review marked. Edit it item by item below, then download a GB/T 9704 Word document.",
  'draft.plan': "Last year's plan", 'draft.summary': "Last year's summary", 'draft.year': 'New year',
  'draft.year.hint': "Default: the year after last year's plan",
  'draft.start': 'Make the outline',
  'draft.resume.title': 'Go on editing a saved outline',
  'draft.resume.lead': "Upload an outline you saved (.yaml; one made by drafter init works too); add last year's plan and summary to see last year's targets and results.",
  'draft.outline': 'Outline file', 'draft.resume': 'Go on editing',
  'draft.docx': 'Download Word', 'draft.txt': 'Download text', 'draft.yaml': 'Save outline (.yaml)',
  'draft.restart': 'Start over', 'draft.restart.confirm': 'Discard your edits and start over?',
  'draft.leave': 'The outline is not saved; leaving loses your edits.',
  'draft.head': 'Title and details',
  'draft.f.title': 'Title', 'draft.f.year': 'Year', 'draft.f.issuer': 'Issuer', 'draft.f.date': 'Date',
  'draft.f.date.ph': 'e.g. 2024年3月5日, or empty',
  'draft.f.numbering': 'Numbering', 'num.continuous': 'items run on across sections', 'num.restart': 'restart in each section',
  'draft.f.agency_style': 'Agencies written as', 'as.lead': '(X牵头，Y配合)', 'as.responsible': '(责任单位：X)',
  'as.none': 'not written',
  'draft.f.appendix': 'Task-division table as an appendix',
  'draft.preamble': 'Opening paragraphs (general requirements, headline targets)',
  'draft.headline': 'Headline targets',
  'draft.body': 'Sections and items', 'draft.summary.used': 'Summary compared: {t}',
  'draft.summary.none': 'No summary uploaded: targets show no achieved figures.',
  'draft.preview': 'Preview', 'draft.preview.lead': 'Numbers and text as drafter will draft them.',
  'draft.notes': '{n} to review', 'draft.notes.none': 'Nothing to review',
  'draft.counts': '{items} items: {carried} carried, {edited} edited, {moved} moved, {added} new, {dropped} dropped',
  'node.title.ph': 'Heading or lead sentence', 'node.text.ph': 'Text (after the lead sentence)',
  'node.up': 'Up', 'node.down': 'Down', 'node.move': 'Move to…', 'node.drop': 'Drop', 'node.restore': 'Restore',
  'node.add': 'Add item', 'node.addSection': 'Add section', 'node.addSub': 'Add sub-item',
  'node.from': "from last year's {f}", 'node.new': 'new', 'node.edited': 'edited', 'node.carried': 'carried',
  'node.dropped': 'dropped', 'node.moved': 'moved', 'node.empty': 'This new item has no text yet; it is left out of downloads',
  'node.moveto': 'Move to: ',
  'agency.add': 'Add', 'agency.ph': 'Agency name', 'agency.remove': 'Remove',
  'role.lead': 'lead', 'role.responsible': 'responsible', 'role.cooperate': 'cooperate',
  'agencies': 'Agencies',
  'note.ok': 'Reviewed', 'note.title': 'Review',
  't.metric': 'Metric', 't.value': 'Target', 't.unit': 'Unit', 't.last': 'Last year', 't.achieved': 'Achieved',
  't.state': '', 't.raised': 'raised', 't.same': "same as last year's", 't.lowered': "below last year's target",
  't.not_above': 'not above what was achieved', 't.new': 'new target',
  'draft.saved': 'Downloaded {f}',

  'check.title': 'Check a draft',
  'check.lead': 'Upload the plan you are about to submit: drafter checks numbering, duplicates, agency names, targets against last year\'s summary, stale years and terms, brackets and quotes, placeholders and layout.',
  'check.file': 'Draft to check', 'check.prior': "Last year's plan", 'check.summary': "Last year's summary",
  'check.config': "Your office's drafter.yaml", 'check.run': 'Check',
  'check.empty': 'No findings.', 'check.doc': 'Document', 'check.findings': 'Findings',
  'sev.error': 'Errors', 'sev.warning': 'Warnings', 'sev.info': 'Info',
  'check.filter.rule': 'Rule', 'check.filter.all': 'All rules',
  'check.annotated': 'Download Word with comments', 'check.json': 'Download JSON', 'check.sarif': 'Download SARIF',
  'check.fixed': 'Download fixed Word ({n}, as tracked changes)', 'check.fixed.txt': 'Download fixed text ({n} fixed)',
  'check.explain': 'About this rule', 'check.suggestion': 'Suggestion: ', 'check.excerpt': 'Text: ', 'check.related': 'See also: ',
  'check.line': 'line {n}', 'check.para': 'paragraph {n}', 'check.hidden': '{n} hidden by the filter',
  'check.nothing.doc': '(no text was read from this file)', 'check.close': 'Close',
  'check.total': '{n} in all',

  'compare.title': "Compare two years' plans",
  'compare.lead': "Upload last year's and this year's plans: see which items were carried, revised, moved, added or dropped, and how every target changed.",
  'compare.old': "Last year's plan", 'compare.new': "This year's plan", 'compare.summary': "Last year's summary",
  'compare.run': 'Compare', 'compare.docx': 'Download Word with tracked changes', 'compare.json': 'Download JSON',
  'compare.status': 'Status', 'compare.byitem': 'Item by item', 'compare.targets': 'Target changes',
  'compare.tracking': 'Target tracking', 'compare.item': 'Item', 'compare.change': 'Change', 'compare.verdict': 'Verdict',
  'compare.oldt': 'Old target', 'compare.newt': 'New target', 'compare.achieved': 'Achieved',
  'compare.filter': 'Click a status to show only those',
};

const TABLES = { zh: ZH, en: EN };
let current = 'zh';
const listeners = [];

export function lang() { return current; }

export function setLang(l) {
  current = l === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('drafter.lang', current); } catch (e) { /* private mode */ }
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  apply(document);
  for (const fn of listeners) fn(current);
}

export function onLang(fn) { listeners.push(fn); }

export function initialLang() {
  let l = null;
  try { l = localStorage.getItem('drafter.lang'); } catch (e) { /* private mode */ }
  return l === 'en' ? 'en' : 'zh';
}

/** The page's word for `key`, with {name} placeholders filled from `vars`. */
export function t(key, vars) {
  let s = TABLES[current][key];
  if (s === undefined) s = ZH[key] !== undefined ? ZH[key] : key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
  return s;
}

/** Fill every [data-t] (text), [data-t-ph] (placeholder) and [data-t-title] (tooltip) below `root`. */
export function apply(root) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll('[data-t-ph]')) el.placeholder = t(el.dataset.tPh);
  for (const el of root.querySelectorAll('[data-t-title]')) el.title = t(el.dataset.tTitle);
}

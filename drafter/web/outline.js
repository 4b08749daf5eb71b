// The outline the 起草 page edits: the JSON of the outline schema (as /api/ui/start gives it), each node with
// an `_id`, plus what only the page tracks (which nodes are new, dropped, edited). Structure only: labels,
// targets and every judgement come from the server.

let counter = 0;
const nextId = () => `n${++counter}`;

function snapshot(n) {
  return JSON.stringify([n.title || '', n.text || '', (n.agencies || []).map((a) => [a.name, a.role || ''])]);
}

export class Outline {
  constructor(data) {
    this.data = data;
    this.meta = new Map();           // _id → {orig, isNew, dropped}
    if (!Array.isArray(data.sections)) data.sections = [];
    this.walk((n, depth, siblings, index, parent) => {
      n._id = nextId();
      this.meta.set(n._id, { orig: snapshot(n), isNew: false, dropped: false, parent: parent ? parent._id : null });
    });
  }

  /** fn(node, depth, siblings, index, parent) for every node, in document order (dropped ones too). */
  walk(fn, nodes = this.data.sections, depth = 0, parent = null) {
    nodes.forEach((n, i) => {
      fn(n, depth, nodes, i, parent);
      if (Array.isArray(n.children)) this.walk(fn, n.children, depth + 1, n);
    });
  }

  /** {node, depth, siblings, index, parent} of a node, from an index rebuilt after each change of structure. */
  find(id) {
    if (!this._index) {
      this._index = new Map();
      this.walk((n, depth, siblings, index, parent) => this._index.set(n._id, { node: n, depth, siblings, index, parent }));
    }
    return this._index.get(id) || null;
  }

  touch() { this._index = null; }

  isDropped(id) {
    // a node is out when it or any parent was dropped
    for (let p = this.find(id); p; p = p.parent ? this.find(p.parent._id) : null) {
      if (this.meta.get(p.node._id)?.dropped) return true;
    }
    return false;
  }

  status(id) {
    const m = this.meta.get(id);
    const f = this.find(id);
    if (!m || !f) return 'carried';
    if (m.dropped) return 'dropped';
    if (m.isNew) return 'new';
    if (snapshot(f.node) !== m.orig) return 'edited';
    return (f.parent ? f.parent._id : null) === m.parent ? 'carried' : 'moved';
  }

  move(id, delta) {
    const f = this.find(id);
    if (!f) return false;
    const j = f.index + delta;
    if (j < 0 || j >= f.siblings.length) return false;
    const [n] = f.siblings.splice(f.index, 1);
    f.siblings.splice(j, 0, n);
    this.touch();
    return true;
  }

  /** Parents a node may move under: the nodes at its parent's depth (other sections, for an item). */
  parentsFor(id) {
    const f = this.find(id);
    if (!f || f.depth === 0) return [];
    const out = [];
    this.walk((n, depth) => {
      if (depth === f.depth - 1 && n !== f.parent && !this.isDropped(n._id)) out.push(n);
    });
    return out;
  }

  moveTo(id, parentId) {
    const f = this.find(id);
    const p = this.find(parentId);
    if (!f || !p || p.depth !== f.depth - 1) return false;
    const [n] = f.siblings.splice(f.index, 1);
    if (!Array.isArray(p.node.children)) p.node.children = [];
    p.node.children.push(n);
    if (f.parent && f.parent.children.length === 0) delete f.parent.children;
    this.touch();
    return true;
  }

  drop(id, on = true) {
    const m = this.meta.get(id);
    if (!m) return;
    const f = this.find(id);
    if (on && m.isNew && f && !(f.node.title || f.node.text)) {
      f.siblings.splice(f.index, 1);           // an empty new item just goes
      this.meta.delete(id);
      this.touch();
      return;
    }
    m.dropped = on;
  }

  add(parentId) {
    const n = { title: '', text: '' };
    n._id = nextId();
    this.meta.set(n._id, { orig: snapshot(n), isNew: true, dropped: false });
    if (parentId == null) {
      this.data.sections.push(n);
    } else {
      const p = this.find(parentId);
      if (!p) return null;
      if (!Array.isArray(p.node.children)) p.node.children = [];
      p.node.children.push(n);
    }
    this.touch();
    return n;
  }

  counts() {
    const c = { items: 0, carried: 0, edited: 0, added: 0, dropped: 0, moved: 0 };
    this.walk((n) => {
      if (Array.isArray(n.children) && n.children.length) return;
      const s = this.status(n._id);
      if (this.isDropped(n._id)) c.dropped += 1;
      else {
        c.items += 1;
        if (s === 'new') c.added += 1;
        else if (s === 'edited') c.edited += 1;
        else if (s === 'moved') c.moved += 1;
        else c.carried += 1;
      }
    });
    return c;
  }

  /**
   * The outline to send: dropped nodes left out; `draft: true` also leaves out new items that have no text yet
   * and every key of the page's own (`_id`, `_note`, `_last` …), as `drafter draft` reads it.
   */
  serialize({ draft = false } = {}) {
    const keep = (nodes) => nodes
      .filter((n) => !this.meta.get(n._id)?.dropped)
      .filter((n) => !(draft && this.meta.get(n._id)?.isNew && !(n.title || n.text) && !(n.children || []).length))
      .map((n) => {
        const out = {};
        for (const [k, v] of Object.entries(n)) {
          if (draft && k.startsWith('_')) continue;
          if (k === 'children') {
            const kids = keep(v || []);
            if (kids.length) out.children = kids;
          } else if (k === 'agencies') {
            if ((v || []).length) out.agencies = v.map((a) => ({ ...a }));
          } else out[k] = v;
        }
        return out;
      });
    const top = {};
    for (const [k, v] of Object.entries(this.data)) {
      if (draft && k.startsWith('_')) continue;
      top[k] = k === 'sections' ? keep(v) : v;
    }
    return top;
  }

  notesCount() {
    let n = 0;
    this.walk((x) => { if (x._note && !this.isDropped(x._id)) n += 1; });
    // the top-level notes, but for the date's (init's hint on how to write a date)
    return n + Object.entries(this.data._notes || {}).filter(([k, v]) => v && k !== 'date').length;
  }
}

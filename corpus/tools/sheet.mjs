#!/usr/bin/env node
// Turns an annotation sheet (corpus/tools/SHEET.md) into an article and its gold file.
// usage: node corpus/tools/sheet.mjs SHEET... --out DIR
// Writes DIR/NAME.txt and DIR/NAME.gold.json (and copies NAME.actors.json when it sits beside the
// sheet). A mechanical format tool: it knows nothing of how nkmsg reads an article.
import fs from 'node:fs';
import path from 'node:path';

const ROLES = new Set(['title', 'deck', 'byline', 'body', 'boilerplate']);
const ANALYSED = new Set(['title', 'deck', 'body']);
const LABEL = { C: 'cooperative', K: 'conflictual', N: 'neutral', A: 'ambiguous' };
const FORMS = new Set(['capital', 'country', 'demonym', 'institution', 'leader', 'pronoun', 'contextual']);
const HEADER_KEYS = ['sender', 'publisher', 'date', 'kind', 'layout', 'wrap', 'bom', 'note'];

function posture({ cooperative: c, conflictual: k }) {
  if (c > 0 && c >= 2 * k) return 'friendly';
  if (k > 0 && k >= 2 * c) return 'hostile';
  if (c > 0 && k > 0) return 'mixed';
  return 'neutral';
}

function wrapLine(text, width) {
  if (!width) return [text];
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

export function parseSheet(source, name) {
  const header = { note: [] };
  const paragraphs = [];
  const errors = [];
  let sentence = null;
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const where = `${name}:${i + 1}`;
    const line = raw.trimEnd();
    if (!line.trim()) return;
    if (line.startsWith('//')) return;
    if (!paragraphs.length && !line.startsWith('==')) {
      const m = /^([a-z]+):\s*(.*)$/.exec(line);
      if (!m || !HEADER_KEYS.includes(m[1])) { errors.push(`${where}: header line must be one of ${HEADER_KEYS.join(', ')}: "${line}"`); return; }
      if (m[1] === 'note') header.note.push(m[2]); else header[m[1]] = m[2].trim();
      return;
    }
    if (line.startsWith('==')) {
      const role = line.slice(2).trim();
      if (!ROLES.has(role)) errors.push(`${where}: unknown role "${role}"`);
      paragraphs.push({ role, sentences: [] });
      sentence = null;
      return;
    }
    const para = paragraphs[paragraphs.length - 1];
    const tag = line.trimStart()[0];
    const body = line.trimStart().slice(1).trim();
    if (['=', '@', '>', '!'].includes(tag) && /^\s/.test(line)) {
      if (!sentence) { errors.push(`${where}: annotation before any sentence`); return; }
      if (!ANALYSED.has(para.role)) { errors.push(`${where}: ${para.role} sentences are not annotated`); return; }
      if (tag === '=') {
        for (const part of body.split(';').map((s) => s.trim()).filter(Boolean)) {
          const m = /^([a-z]+)\s+([CKNA])$/.exec(part);
          if (!m) { errors.push(`${where}: stance must be "actor C|K|N|A": "${part}"`); continue; }
          if (m[1] in sentence.stances) errors.push(`${where}: two stances for ${m[1]}`);
          sentence.stances[m[1]] = LABEL[m[2]];
        }
      } else if (tag === '@') {
        for (const part of body.split(';').map((s) => s.trim()).filter(Boolean)) {
          const m = /^(.+?)\s*>\s*([a-z]+)\s+([a-z]+)$/.exec(part);
          if (!m) { errors.push(`${where}: mention must be "surface > actor form": "${part}"`); continue; }
          if (!FORMS.has(m[3])) errors.push(`${where}: unknown form "${m[3]}"`);
          sentence.mentions.push({ surface: m[1], actor: m[2], form: m[3] });
        }
      } else if (tag === '>') {
        if (!/^[a-z]+$/.test(body)) errors.push(`${where}: section start must be "> actor"`);
        sentence.section = body;
      } else sentence.notes.push(body);
      return;
    }
    if (/^\s/.test(line)) { errors.push(`${where}: indented line is not an annotation (= @ > !)`); return; }
    if (!para) { errors.push(`${where}: sentence before the first == role line`); return; }
    sentence = { text: line.replace(/\s+/g, ' ').trim(), stances: {}, mentions: [], section: null, notes: [] };
    para.sentences.push(sentence);
  });
  return { header, paragraphs, errors };
}

export function buildArticle(sheet, name) {
  const { header, paragraphs } = sheet;
  const errors = [];
  const crlf = (header.layout ?? 'lf') === 'crlf';
  const width = Number(header.wrap ?? 0);
  const bom = (header.bom ?? 'no') === 'yes';
  const eol = crlf ? '\r\n' : '\n';
  const blocks = paragraphs.map((p) => {
    const texts = p.sentences.map((s) => s.text);
    if (p.role === 'byline' || p.role === 'title') return texts.join(eol);
    return wrapLine(texts.join(' '), p.role === 'body' || p.role === 'boilerplate' || p.role === 'deck' ? width : 0).join(eol);
  });
  const text = (bom ? '\uFEFF' : '') + blocks.join(eol + eol) + eol;

  const sender = header.sender === 'none' || header.sender === 'null' ? null : header.sender;
  if (header.sender === undefined) errors.push('header: sender missing (an actor id or none)');
  const sentences = [];
  const notes = [...header.note];
  const tally = {};
  let section = null;
  paragraphs.forEach((p, pi) => {
    for (const s of p.sentences) {
      const index = sentences.length;
      const out = { index, paragraph: pi, role: p.role, text: s.text };
      if (ANALYSED.has(p.role)) {
        const actors = [...new Set(s.mentions.map((m) => m.actor))];
        const stances = {};
        for (const a of actors) {
          if (!(a in s.stances)) errors.push(`sentence ${index} ("${s.text.slice(0, 50)}"): mention of ${a} but no stance`);
          else stances[a] = s.stances[a];
        }
        for (const a of Object.keys(s.stances)) if (!actors.includes(a)) errors.push(`sentence ${index} ("${s.text.slice(0, 50)}"): stance for ${a} but no mention`);
        if (s.section && p.role !== 'body') errors.push(`sentence ${index}: a section starts only in the body`);
        if (s.section && sender === null) errors.push(`sentence ${index}: a section but the sender is none`);
        if (p.role === 'body' && s.section) section = s.section;
        out.stances = stances;
        out.messageTo = p.role === 'body' ? section : null;
        out.mentions = s.mentions;
        for (const [a, v] of Object.entries(stances)) {
          tally[a] ??= { cooperative: 0, conflictual: 0, neutral: 0 };
          if (v !== 'ambiguous') tally[a][v]++;
        }
      }
      for (const n of s.notes) notes.push(`Sentence ${index}: ${n}`);
      sentences.push(out);
    }
  });
  const postures = {};
  for (const a of Object.keys(tally)) if (a !== sender) postures[a] = posture(tally[a]);
  const title = sentences.find((s) => s.role === 'title')?.text ?? null;
  const gold = {
    article: `${name}.txt`,
    guide: 'docs/ANALYSIS.md',
    meta: { title, publisher: header.publisher ?? '', date: header.date ?? '' },
    sender,
    postures,
    notes,
    sentences,
  };
  return { text, gold, errors };
}

function main(argv) {
  const outIdx = argv.indexOf('--out');
  if (outIdx < 0 || !argv[outIdx + 1]) { console.error('usage: sheet.mjs SHEET... --out DIR'); return 2; }
  const outDir = argv[outIdx + 1];
  const sheets = argv.filter((_, i) => i !== outIdx && i !== outIdx + 1);
  fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const file of sheets) {
    const name = path.basename(file).replace(/\.sheet(\.txt)?$/, '');
    const sheet = parseSheet(fs.readFileSync(file, 'utf8'), path.basename(file));
    const built = buildArticle(sheet, name);
    const errors = [...sheet.errors, ...built.errors];
    if (errors.length) {
      failed++;
      console.log(`FAIL ${file}`);
      for (const e of errors) console.log(`   ${e}`);
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${name}.txt`), built.text);
    fs.writeFileSync(path.join(outDir, `${name}.gold.json`), JSON.stringify(built.gold, null, 1) + '\n');
    const actors = path.join(path.dirname(file), `${name}.actors.json`);
    if (fs.existsSync(actors)) fs.copyFileSync(actors, path.join(outDir, `${name}.actors.json`));
    console.log(`ok   ${file}`);
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

// Small inline SVG charts built with DOM calls (no inline script, no library).
const SVG = 'http://www.w3.org/2000/svg';

export const STATUS_COLORS = {
  not_started: '#7b8794',
  draft: '#d69e2e',
  submitted: '#2f80ed',
  returned: '#e12d39',
  approved: '#27ab83',
};

function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function chart(container, width, height) {
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMidYMid meet' });
  container.replaceChildren(svg);
  return svg;
}

/** Horizontal bars: one per item { key, label, value, color }. */
export function barChart(container, items, total) {
  const rowHeight = 34;
  const labelWidth = 110;
  const width = 480;
  const barSpace = width - labelWidth - 50;
  const svg = chart(container, width, items.length * rowHeight + 8);
  const max = Math.max(total, 1);
  items.forEach((item, i) => {
    const y = i * rowHeight + 6;
    const group = node('g', { 'data-status': item.key });
    group.append(node('text', { x: 0, y: y + 17 }, item.label));
    group.append(node('rect', { x: labelWidth, y, width: barSpace, height: 22, rx: 3, fill: '#eef2f6' }));
    group.append(node('rect', { x: labelWidth, y, width: Math.max((item.value / max) * barSpace, item.value > 0 ? 2 : 0), height: 22, rx: 3, fill: item.color }));
    group.append(node('text', { x: labelWidth + barSpace + 8, y: y + 17, 'font-weight': 600, class: 'value' }, String(item.value)));
    svg.append(group);
  });
}

/** Vertical bars of completion percentages across periods: items { key, label, percent, headline, selected }. */
export function trendChart(container, items) {
  const width = 520;
  const height = 240;
  const top = 24;
  const bottom = 44;
  const left = 36;
  const plot = height - top - bottom;
  const svg = chart(container, width, height);
  for (const tick of [0, 50, 100]) {
    const y = top + plot - (tick / 100) * plot;
    svg.append(node('line', { x1: left, x2: width, y1: y, y2: y, class: 'axis' }));
    svg.append(node('text', { x: 0, y: y + 4 }, `${tick}%`));
  }
  const slot = (width - left) / Math.max(items.length, 1);
  items.forEach((item, i) => {
    const percent = item.percent ?? 0;
    const barHeight = (percent / 100) * plot;
    const x = left + i * slot + slot * 0.2;
    const group = node('g', { 'data-period': item.key });
    group.append(node('rect', { x, y: top + plot - barHeight, width: slot * 0.6, height: barHeight, rx: 2, fill: item.selected ? '#0b5394' : '#7aa6d6' }));
    group.append(node('text', { x: x + slot * 0.3, y: top + plot - barHeight - 6, 'text-anchor': 'middle', class: 'value' }, item.percent === null ? '–' : `${Math.round(percent)}%`));
    group.append(node('text', { x: x + slot * 0.3, y: height - bottom + 16, 'text-anchor': 'middle' }, item.key));
    group.append(node('text', { x: x + slot * 0.3, y: height - bottom + 32, 'text-anchor': 'middle', fill: '#616e7c' }, item.headline));
    const title = node('title', {}, `${item.label}: ${item.headline}`);
    group.append(title);
    svg.append(group);
  });
}

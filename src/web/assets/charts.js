// Small inline SVG charts (no library): status bars and completion across periods.
import { periodLabel } from './format.js';
import { html } from './html.js';

export const STATUS_COLORS = {
  approved: '#1d7a57',
  submitted: '#1d5fa8',
  returned: '#b3261e',
  draft: '#8a5a00',
  not_started: '#5f6b76',
};

/** Horizontal bars: items { key, label, value, color }. */
export function BarChart({ items, total, label }) {
  const rowHeight = 34;
  const labelWidth = 110;
  const width = 480;
  const barSpace = width - labelWidth - 50;
  const max = Math.max(total, 1);
  return html`<svg viewBox=${`0 0 ${width} ${items.length * rowHeight + 8}`} role="img" aria-label=${label} preserveAspectRatio="xMidYMid meet">
    ${items.map((item, i) => {
      const y = i * rowHeight + 6;
      return html`<g data-status=${item.key}>
        <text x="0" y=${y + 17}>${item.label}</text>
        <rect x=${labelWidth} y=${y} width=${barSpace} height="22" rx="3" fill="#eef2f6" />
        <rect x=${labelWidth} y=${y} width=${Math.max((item.value / max) * barSpace, item.value > 0 ? 2 : 0)} height="22" rx="3" fill=${item.color} />
        <text x=${labelWidth + barSpace + 8} y=${y + 17} font-weight="600" class="value">${item.value}</text>
      </g>`;
    })}
  </svg>`;
}

/** Vertical bars of completion percentages: items { key, label, percent, headline, selected }. */
export function TrendChart({ items, label }) {
  const width = 520;
  const height = 240;
  const top = 24;
  const bottom = 44;
  const left = 36;
  const plot = height - top - bottom;
  const slot = (width - left) / Math.max(items.length, 1);
  return html`<svg viewBox=${`0 0 ${width} ${height}`} role="img" aria-label=${label} preserveAspectRatio="xMidYMid meet">
    ${[0, 50, 100].map((tick) => {
      const y = top + plot - (tick / 100) * plot;
      return html`<g><line x1=${left} x2=${width} y1=${y} y2=${y} class="axis" /><text x="0" y=${y + 4}>${tick}%</text></g>`;
    })}
    ${items.map((item, i) => {
      const percent = item.percent ?? 0;
      const barHeight = (percent / 100) * plot;
      const x = left + i * slot + slot * 0.2;
      return html`<g data-period=${item.key}>
        <title>${item.label}: ${item.headline}</title>
        <rect x=${x} y=${top + plot - barHeight} width=${slot * 0.6} height=${barHeight} rx="2" fill=${item.selected ? '#0b4f8a' : '#6f9fd3'} />
        <text x=${x + slot * 0.3} y=${top + plot - barHeight - 6} text-anchor="middle" class="value">${item.percent === null ? '–' : `${Math.round(percent)}%`}</text>
        <text x=${x + slot * 0.3} y=${height - bottom + 16} text-anchor="middle">${item.label ?? periodLabel(item.key)}</text>
        <text x=${x + slot * 0.3} y=${height - bottom + 32} text-anchor="middle" fill="#4a5561">${item.headline}</text>
      </g>`;
    })}
  </svg>`;
}

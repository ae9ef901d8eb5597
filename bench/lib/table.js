/** Renders rows of cells as a plain-text table: first column left-aligned, the others right-aligned. */
function formatTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(all[0]), rule, ...all.slice(1).map(line)];
}

module.exports = { formatTable };

/** Memory and CPU figures of a Linux process, read from /proc/<pid>/. */
const fs = require('node:fs');

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux x86-64 and arm64

/** VmRSS (current) and VmHWM (peak since start or since resetPeak), in kB. */
function readStatus(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const value = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: value('VmRSS'), peakKb: value('VmHWM') };
}

/**
 * Resets the process's peak RSS (VmHWM) to its current RSS (Linux ≥ 4.0, `echo 5 > clear_refs`),
 * so the next peak reading covers only what happens afterwards. Returns false when not permitted.
 */
function resetPeak(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU time the process has used so far, in seconds. */
function readCpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3 of stat(5)); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

const toMb = (kb) => Math.round((kb / 1024) * 10) / 10;

module.exports = { readStatus, resetPeak, readCpuSeconds, toMb };

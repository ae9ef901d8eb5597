/** One check of a drill: what had to happen and what did. */
interface DrillStep {
  expected: string;
  happened: string;
  ok: boolean;
}

/**
 * Records a fault drill step by step and prints it as a report, expected next to what happened,
 * whether the drill passes or not (then the failing steps show what went wrong).
 */
export class Drill {
  private readonly steps: DrillStep[] = [];

  constructor(readonly title: string) {}

  check(expected: string, happened: string, ok: boolean): void {
    this.steps.push({ expected, happened, ok });
  }

  get passed(): boolean {
    return this.steps.length > 0 && this.steps.every((step) => step.ok);
  }

  get failures(): string[] {
    return this.steps.filter((step) => !step.ok).map((step) => `expected ${step.expected}; happened: ${step.happened}`);
  }

  report(): string {
    const lines = this.steps.map((step) => `  ${step.ok ? 'ok  ' : 'FAIL'}  expected: ${step.expected}\n        happened: ${step.happened}`);
    return `\nDRILL ${this.passed ? 'PASSED' : 'FAILED'}: ${this.title}\n${lines.join('\n')}\n`;
  }

  /** Prints the report (Jest shows process output as it comes) and fails the test on any failed step. */
  finish(): void {
    process.stdout.write(this.report());
    expect(this.failures).toEqual([]);
    expect(this.steps.length).toBeGreaterThan(0);
  }
}

import { inForceOn, overlappingSpans } from '../common/dated-names';
import type { ProblemFieldError } from '../common/problem';
import type { BodyRole } from './obligation-body.entity';
import type { Obligation } from './obligation.entity';

export interface DatedBody {
  role: BodyRole;
  name: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
}

export interface BodiesOnDay {
  date: string;
  issuingBody: string;
  receivingBody: string | null;
}

/** The issuing and receiving body in force on a day: the dated names, else the obligation's own. */
export function bodiesOn(obligation: Pick<Obligation, 'issuingBody' | 'receivingBody'>, bodies: readonly DatedBody[], date: string): BodiesOnDay {
  const named = (role: BodyRole) => inForceOn(bodies.filter((body) => body.role === role), date)?.name;
  return { date, issuingBody: named('issuing') ?? obligation.issuingBody, receivingBody: named('receiving') ?? obligation.receivingBody ?? null };
}

/** What is wrong with a list of dated bodies: an end before its start, or two names of one role on the same day. */
export function datedBodyProblems(bodies: readonly DatedBody[]): ProblemFieldError[] {
  const problems: ProblemFieldError[] = [];
  bodies.forEach((body, index) => {
    if (body.validTo !== null && body.validTo < body.validFrom) {
      problems.push({ field: `bodies[${index}].validTo`, code: 'ends_before_start', message: `bodies[${index}]: ngày kết thúc trước ngày bắt đầu` });
    }
  });
  for (const role of ['issuing', 'receiving'] as const) {
    const indexes = bodies.flatMap((body, index) => (body.role === role ? [index] : []));
    for (const [a, b] of overlappingSpans(indexes.map((index) => bodies[index]))) {
      problems.push({
        field: `bodies[${indexes[b]}].validFrom`,
        code: 'overlapping_names',
        message: `bodies[${indexes[b]}] trùng thời gian với bodies[${indexes[a]}] (cùng vai trò ${role === 'issuing' ? 'cơ quan ban hành' : 'cơ quan nhận báo cáo'})`,
      });
    }
  }
  return problems;
}

import { recipientsOf } from './recipients';

const contacts = { submitterEmails: ['VanThu@So.gov.vn', 'vanthu@so.gov.vn', ' ketoan@so.gov.vn '], leadershipEmail: 'GiamDoc@so.gov.vn', officerEmails: ['officer.01@baocao.local'] };

describe('recipientsOf', () => {
  it('sends to the submitter addresses, lower-cased and without duplicates', () => {
    expect(recipientsOf(contacts, false)).toEqual({ to: ['vanthu@so.gov.vn', 'ketoan@so.gov.vn'], cc: [] });
  });

  it("copies the leadership when escalating", () => {
    expect(recipientsOf(contacts, true)).toEqual({ to: ['vanthu@so.gov.vn', 'ketoan@so.gov.vn'], cc: ['giamdoc@so.gov.vn'] });
  });

  it('falls back to the active province officers when no submitter address is set', () => {
    expect(recipientsOf({ ...contacts, submitterEmails: [] }, false)).toEqual({ to: ['officer.01@baocao.local'], cc: [] });
  });

  it('does not copy an address that is already a recipient, nor a missing leadership contact', () => {
    expect(recipientsOf({ ...contacts, leadershipEmail: 'vanthu@so.gov.vn' }, true).cc).toEqual([]);
    expect(recipientsOf({ ...contacts, leadershipEmail: null }, true).cc).toEqual([]);
  });

  it('has nobody to write to when the unit has neither addresses nor officers (and copies nobody then)', () => {
    expect(recipientsOf({ submitterEmails: [' '], leadershipEmail: 'giamdoc@so.gov.vn', officerEmails: [] }, true)).toEqual({ to: [], cc: [] });
  });
});

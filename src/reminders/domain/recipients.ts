export interface UnitContacts {
  submitterEmails: string[];
  leadershipEmail: string | null;
  /** E-mails of the unit's active province officers: the fallback when no submitter address is set. */
  officerEmails: string[];
}

export interface Recipients {
  to: string[];
  cc: string[];
}

const normalized = (addresses: string[]) => [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter((address) => address.length > 0))];

/**
 * Who receives a unit's reminder: its submitter addresses, or else its active province officers; the
 * leadership contact is copied when the reminder escalates. `to` is empty when the unit has no address.
 */
export function recipientsOf(contacts: UnitContacts, escalate: boolean): Recipients {
  const submitters = normalized(contacts.submitterEmails);
  const to = submitters.length > 0 ? submitters : normalized(contacts.officerEmails);
  const leadership = contacts.leadershipEmail?.trim().toLowerCase();
  const cc = escalate && to.length > 0 && leadership && !to.includes(leadership) ? [leadership] : [];
  return { to, cc };
}

export const NO_ADDRESS_REASON = 'Đơn vị chưa khai báo e-mail người nộp báo cáo và không có cán bộ tỉnh nào đang hoạt động.';

import { Injectable } from '@nestjs/common';
import { UnitsService } from '../units/units.service';
import { UsersService } from '../users/users.service';
import { CompletionService } from './completion.service';
import { OwingUnitContactsListDto } from './dto/completion.dto';

/** The units that still owe a report, with whom to call or write to about it. */
@Injectable()
export class OwingContactsService {
  constructor(
    private readonly completion: CompletionService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  async list(code: string, periodKey: string): Promise<OwingUnitContactsListDto> {
    const table = await this.completion.units(code, periodKey);
    const owing = table.items.filter((unit) => !unit.complied);
    const ids = owing.map((unit) => unit.unitId);
    const [contacts, officers] = await Promise.all([this.units.contactsOf(ids), this.users.officerEmailsOf(ids)]);
    return {
      obligation: table.obligation,
      period: table.period,
      items: owing.map((unit) => ({
        unitId: unit.unitId,
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        status: unit.status,
        daysOverdue: unit.daysOverdue,
        submitterEmails: contacts.get(unit.unitId)?.submitterEmails ?? [],
        leadershipEmail: contacts.get(unit.unitId)?.leadershipEmail ?? null,
        officerEmails: officers.get(unit.unitId) ?? [],
      })),
    };
  }
}

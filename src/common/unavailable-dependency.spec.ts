import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isUnavailableDependency } from './unavailable-dependency';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnavailableDependency', () => {
  it.each([
    ['PostgreSQL refusing connections', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['both addresses refusing (happy eyeballs)', Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: undefined })],
    ['a restart terminating the session', new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01'))],
    ['PostgreSQL starting up', withCode('the database system is starting up', '57P03')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pooled client broken by the restart', new Error('Client has encountered a connection error and is not queryable')],
    ['a transaction whose connection PostgreSQL dropped', new QueryRunnerAlreadyReleasedError()],
    ['a manager whose connection PostgreSQL dropped', new QueryRunnerProviderAlreadyReleasedError()],
    ['Redis gone (ioredis)', new Error('Connection is closed.')],
    ['Redis gone, retries used up', Object.assign(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), { name: 'MaxRetriesPerRequestError' })],
  ])('recognises %s', (_case, error) => {
    expect(isUnavailableDependency(error)).toBe(true);
  });

  it.each([
    ['an integer out of range', new QueryFailedError('SELECT 1', [], withCode('value "99999999999" is out of range for type integer', '22003'))],
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('leaves %s alone', (_case, error) => {
    expect(isUnavailableDependency(error)).toBe(false);
  });
});

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, type SchemaObject } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '../access/access.decorators';
import { ApiProblems } from '../common/api-problems.decorator';
import { REDIS } from '../redis/redis.module';

class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

const COMPONENTS: { type: 'object'; description: string; additionalProperties: SchemaObject } = {
  type: 'object',
  description: 'Per component (postgresql, redis): its status and, when down, why',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' }, responseTime: { type: 'number', description: 'milliseconds' } }, required: ['status'] },
};

class ReadinessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ ...COMPONENTS, example: { postgresql: { status: 'up' }, redis: { status: 'up' } } }) info: Record<string, { status: string }>;
  @ApiProperty({ ...COMPONENTS, example: {} }) error: Record<string, { status: string }>;
  @ApiProperty({ ...COMPONENTS, example: { postgresql: { status: 'up' }, redis: { status: 'up' } } }) details: Record<string, { status: string }>;
}

@ApiTags('Sức khoẻ dịch vụ (health)')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers', operationId: 'liveness' })
  @ApiOkResponse({ type: LivenessDto })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus would document its 503 as application/json; the answer is problem+json (ApiProblems below).
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer', operationId: 'readiness' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblems(503)
  readiness() {
    return this.health.check([
      () => this.database.pingCheck('postgresql', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
          ]);
          return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}

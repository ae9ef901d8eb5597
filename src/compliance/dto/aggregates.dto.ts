import { ApiProperty } from '@nestjs/swagger';
import { CELL_VALUE } from '../../common/openapi-schemas';
import { BodiesInForceDto } from '../../obligations/dto/obligation-body.dto';
import { AGGREGATES } from '../../validation/domain/schema-definition';
import type { AppliedAggregate } from '../domain/aggregate-plan';
import { ObligationSummaryDto } from './completion.dto';

export class ComparedValueDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value now minus value then' }) change: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Change in percent of the earlier value (null when it is missing or 0)' }) changePercent: number | null;
}

export class FieldAggregateDto {
  @ApiProperty({ example: 'san_luong_buu_gui' }) field: string;
  @ApiProperty({ example: 'Sản lượng bưu gửi' }) label: string;
  @ApiProperty({ type: String, example: 'bưu gửi', nullable: true }) unit: string | null;
  @ApiProperty({ enum: AGGREGATES.filter((a) => a !== 'none') }) aggregate: AppliedAggregate;
  @ApiProperty({ type: Number, nullable: true, description: 'null when no approved unit reported the field' }) value: number | null;
  @ApiProperty({ description: 'Units whose approved report has a value for the field' }) units: number;
  @ApiProperty({ type: ComparedValueDto }) previous: ComparedValueDto;
  @ApiProperty({ type: ComparedValueDto }) lastYear: ComparedValueDto;
}

export class AggregateGroupDto {
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: CELL_VALUE,
    example: { chi_tieu: 'Doanh nghiệp được cấp giấy phép bưu chính' },
    description: 'Key field values; null when the schema has no key fields',
  })
  key: Record<string, string | number | boolean | null> | null;
  @ApiProperty({ example: 'Toàn quốc' }) label: string;
  @ApiProperty({ type: [FieldAggregateDto] }) fields: FieldAggregateDto[];
}

export class ComparisonPeriodDto {
  @ApiProperty({ example: '2023-Q4' }) periodKey: string;
  @ApiProperty({ example: 'Quý IV/2023' }) label: string;
  @ApiProperty() unitsIncluded: number;
}

export class AggregatesDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ example: '2024-Q1' }) periodKey: string;
  @ApiProperty({ example: 'Quý I/2024' }) label: string;
  @ApiProperty({ type: BodiesInForceDto, description: "The issuing and receiving body on the period's due date" }) bodies: BodiesInForceDto;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Schema version in force for the period (its fields are aggregated)' }) schemaVersion: number | null;
  @ApiProperty({ description: 'Approved submissions included' }) unitsIncluded: number;
  @ApiProperty({ description: 'Included submissions validated against another schema version (fields matched by key)' }) unitsOnOtherSchemaVersions: number;
  @ApiProperty({ type: ComparisonPeriodDto }) previous: ComparisonPeriodDto;
  @ApiProperty({ type: ComparisonPeriodDto }) lastYear: ComparisonPeriodDto;
  @ApiProperty({ type: [AggregateGroupDto] }) groups: AggregateGroupDto[];
}

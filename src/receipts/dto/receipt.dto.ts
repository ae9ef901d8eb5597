import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsHexadecimal, IsObject, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import type { ReceiptContent } from '../receipt-content';

class ReceiptSubmitterDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'officer.01@baocao.local' }) email: string | null;
}

class ReceiptUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01' }) code: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) name: string;
}

class ReceiptObligationDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) code: string;
  @ApiProperty({ example: 'Báo cáo tình hình cấp giấy phép bưu chính' }) title: string;
}

/** The signed fields of a receipt. */
export class ReceiptContentDto {
  @ApiProperty({ format: 'uuid' }) receiptId: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ example: 2 }) versionNumber: number;
  @ApiProperty({ example: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' }) fileSha256: string;
  @ApiProperty({ format: 'date-time' }) serverTime: string;
  @ApiProperty({ type: ReceiptSubmitterDto }) submitter: ReceiptSubmitterDto;
  @ApiProperty({ type: ReceiptUnitDto }) unit: ReceiptUnitDto;
  @ApiProperty({ type: ReceiptObligationDto }) obligation: ReceiptObligationDto;
  @ApiProperty({ example: '2024-Y' }) periodKey: string;
  @ApiPropertyOptional({ example: 'Năm 2024', description: 'The period as people name it (receipts issued since the 2025 map)' }) periodLabel?: string;
  @ApiProperty({ format: 'date', example: '2025-01-31' }) dueDate: string;
  @ApiProperty() onTime: boolean;
  @ApiPropertyOptional({ example: 'Sở Khoa học và Công nghệ Thành phố Hà Nội', description: "The unit's reporting department on the day of submission" }) sender?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Văn phòng Bộ Khoa học và Công nghệ', description: 'The receiving body on the day of submission' })
  receivingBody?: string | null;
}

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ReceiptContentDto, description: 'The signed fields' }) content: ReceiptContent;
  @ApiProperty({ description: 'sha256 (hex) of the canonical JSON of content' }) hash: string;
  @ApiProperty({ description: 'Ed25519 signature of the hash, base64' }) signature: string;
  @ApiProperty() keyId: string;
}

export class VerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() hashMatches: boolean;
  @ApiProperty() signatureValid: boolean;
  @ApiProperty({ description: 'The key that verified the signature (else the one named, or the current key)' }) keyId: string;
  @ApiProperty({ enum: ['current', 'retired', 'unknown'] }) keyStatus: 'current' | 'retired' | 'unknown';
}

export class VerifyReceiptDto {
  @ApiProperty({ type: ReceiptContentDto }) @IsObject() content: ReceiptContent;
  @ApiProperty() @IsHexadecimal() @Length(64, 64) hash: string;
  @ApiProperty() @IsBase64() signature: string;
  @ApiPropertyOptional({ description: 'The key id printed on the receipt; without it every known key is tried' })
  @IsOptional()
  @Matches(/^[0-9a-f]{16}$/)
  keyId?: string;
}

export class ReceiptPublicKeyDto {
  @ApiProperty({ example: 'ab12cd34ef56ab78' }) keyId: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----…' }) publicKeyPem: string;
  @ApiProperty({ description: 'The raw 32-byte Ed25519 public key, base64 (what RECEIPT_RETIRED_PUBLIC_KEYS lists)' }) publicKey: string;
  @ApiProperty({ enum: ['current', 'retired'] }) status: 'current' | 'retired';
}

export class ReceiptPublicKeysDto extends ReceiptPublicKeyDto {
  @ApiProperty({ type: [ReceiptPublicKeyDto], description: 'The current key first, then the retired keys that still verify older receipts' })
  keys: ReceiptPublicKeyDto[];
}

export class ReceiptListDto {
  @ApiProperty({ type: [ReceiptDto], description: 'Oldest first' }) items: ReceiptDto[];
}

export class ReceiptQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The submission whose receipts to list' }) @IsUUID() submissionId: string;
}

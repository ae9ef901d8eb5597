import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsHexadecimal, IsObject, Length } from 'class-validator';
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
  @ApiProperty({ format: 'date', example: '2025-01-31' }) dueDate: string;
  @ApiProperty() onTime: boolean;
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
  @ApiProperty() keyId: string;
}

export class VerifyReceiptDto {
  @ApiProperty({ type: ReceiptContentDto }) @IsObject() content: ReceiptContent;
  @ApiProperty() @IsHexadecimal() @Length(64, 64) hash: string;
  @ApiProperty() @IsBase64() signature: string;
}

export class PublicKeyDto {
  @ApiProperty({ example: 'ab12cd34ef56ab78' }) keyId: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----…' }) publicKeyPem: string;
}

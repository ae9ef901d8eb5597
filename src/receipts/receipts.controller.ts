import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBase64, IsHexadecimal, IsObject, IsUUID, Length } from 'class-validator';
import { ALL_ROLES, CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiSecured } from '../common/api-problems.decorator';
import type { ReceiptContent } from './receipt-content';
import { receiptPage } from './receipt-page';
import { ReceiptsService } from './receipts.service';

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The signed fields' }) content: ReceiptContent;
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
  @ApiProperty() @IsObject() content: ReceiptContent;
  @ApiProperty() @IsHexadecimal() @Length(64, 64) hash: string;
  @ApiProperty() @IsBase64() signature: string;
}

export class ReceiptListDto {
  @ApiProperty({ type: [ReceiptDto], description: 'Oldest first' }) items: ReceiptDto[];
}

export class ReceiptQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The submission whose receipts to list' }) @IsUUID() submissionId: string;
}

const toDto = (r: ReceiptDto): ReceiptDto => ({ id: r.id, content: r.content, hash: r.hash, signature: r.signature, keyId: r.keyId });

@ApiTags('Biên nhận (receipts)')
@Controller('api/v1/receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get('public-key')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The Ed25519 public key (PEM) that signs receipts', operationId: 'getReceiptPublicKey' })
  @ApiOkResponse({ schema: { example: { keyId: 'ab12cd34ef56ab78', publicKeyPem: '-----BEGIN PUBLIC KEY-----…' } } })
  @ApiSecured()
  publicKey(): { keyId: string; publicKeyPem: string } {
    return { keyId: this.receipts.signer.keyId, publicKeyPem: this.receipts.signer.publicKeyPem() };
  }

  @Post('verify')
  @Roles(...ALL_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify a receipt document someone holds (content, hash, signature)', operationId: 'verifyReceiptDocument' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiSecured(422)
  verifyDocument(@Body() body: VerifyReceiptDto): VerificationDto {
    return this.receipts.verify(body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The receipts of a submission, one per submit (officers: own unit)', operationId: 'listReceipts' })
  @ApiOkResponse({ type: ReceiptListDto })
  @ApiSecured(422)
  async list(@Query() query: ReceiptQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<ReceiptListDto> {
    return { items: (await this.receipts.listFor(query.submissionId, user)).map(toDto) };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A receipt of record as JSON (officers: own unit)', operationId: 'getReceipt' })
  @ApiOkResponse({ type: ReceiptDto })
  @ApiSecured(400, 404)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReceiptDto> {
    return toDto(await this.receipts.get(id, user));
  }

  @Get(':id/print')
  @Roles(...ALL_ROLES)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A receipt as a printable HTML page', operationId: 'printReceipt' })
  @ApiOkResponse({ description: 'HTML page' })
  @ApiSecured(400, 404)
  async print(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    const receipt = await this.receipts.get(id, user);
    return receiptPage(receipt, this.receipts.verify(receipt), this.receipts.signer.publicKeyPem());
  }

  @Get(':id/verify')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Verify the stored receipt: hash over its fields and the server signature', operationId: 'verifyReceipt' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiSecured(400, 404)
  async verify(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<VerificationDto> {
    return this.receipts.verify(await this.receipts.get(id, user));
  }
}

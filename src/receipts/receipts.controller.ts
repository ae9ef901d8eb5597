import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentUser, Roles } from '../access/access.decorators';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { ApiSecured } from '../common/api-problems.decorator';
import { ReceiptDto, ReceiptListDto, ReceiptPublicKeysDto, ReceiptQueryDto, VerificationDto, VerifyReceiptDto } from './dto/receipt.dto';
import { receiptPage } from './receipt-page';
import { ReceiptsService } from './receipts.service';

const toDto = (r: ReceiptDto): ReceiptDto => ({ id: r.id, content: r.content, hash: r.hash, signature: r.signature, keyId: r.keyId });

@ApiTags('Biên nhận (receipts)')
@Controller('api/v1/receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get('public-key')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The Ed25519 public key that signs receipts (top level), and every key that verifies them, retired ones included', operationId: 'getReceiptPublicKey' })
  @ApiOkResponse({ type: ReceiptPublicKeysDto })
  @ApiSecured()
  publicKey(): ReceiptPublicKeysDto {
    const keys = this.receipts.keys.all().map(({ key, status }) => ({ keyId: key.keyId, publicKeyPem: key.publicKeyPem(), publicKey: key.publicKeyBase64(), status }));
    return { ...keys[0], keys };
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
  @ApiOperation({ summary: 'A receipt as a printable HTML page', operationId: 'printReceipt' })
  @ApiOkResponse({ description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiSecured(400, 404)
  async print(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    const receipt = await this.receipts.get(id, user);
    return receiptPage(receipt, this.receipts.verify(receipt), this.receipts.publicKeyPemFor(receipt.keyId));
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

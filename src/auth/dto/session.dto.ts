import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../../access/roles';

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'officer.01@baocao.local' }) email: string;
  @ApiProperty({ example: 'Cán bộ Thành phố Hà Nội' }) fullName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '01' }) unitCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thành phố Hà Nội' }) unitName: string | null;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Send it as X-CSRF-Token on every state-changing request made with the session cookie (null for bearer tokens)',
  })
  csrfToken: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When the session ends at the latest if left idle (null for bearer tokens)' })
  expiresAt: Date | null;
}

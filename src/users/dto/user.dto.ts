import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { USER_ROLES, type UserRole } from '../../access/roles';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'officer.01@baocao.local' }) email: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
}

export const PASSWORD_MIN_LENGTH = 10;

export class CreateUserDto {
  @ApiProperty({ example: 'officer.hn@stttt.hanoi.gov.vn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for province_officer, forbidden otherwise.' })
  @ValidateIf((dto: CreateUserDto) => dto.role === 'province_officer' || dto.unitId !== undefined)
  @IsUUID()
  unitId?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, example: 'mật-khẩu-đủ-dài' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;
}

export class UpdateUserStatusDto {
  @ApiProperty({ description: 'false locks the account; its tokens stop working at once.' })
  @IsBoolean()
  active: boolean;

  @ApiPropertyOptional({ example: 'Chuyển công tác' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class UserQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInDto {
  @ApiProperty({
    description: 'A token (`<id>.<secret>`, or ADMIN_TOKEN): exchanged for a session cookie',
    example: 'tok_abc.secret',
  })
  @IsString()
  @Length(1, 512)
  token!: string;
}

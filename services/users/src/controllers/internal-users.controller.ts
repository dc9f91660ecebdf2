import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { emailSchema, type UserDto } from '@architech/contracts';
import { ApiException, Internal, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { UserRepository } from '../repositories/user.repository';
import { toUserDto } from '../services/user-dto';

const lookupSchema = z.strictObject({ ids: z.array(z.string().uuid()).max(1000) });

/** Service-to-service lookups (projects resolves member emails and names here). */
@Internal()
@Controller('internal/users')
export class InternalUsersController {
  constructor(private readonly users: UserRepository) {}

  @Get('by-email')
  async byEmail(@Query('email', ZodPipe(emailSchema, 'email')) email: string): Promise<UserDto> {
    const user = await this.users.findByEmail(email);
    if (!user) throw ApiException.notFound('user');
    return toUserDto(user);
  }

  @Post('lookup')
  async lookup(@Body(ZodPipe(lookupSchema, 'lookup')) { ids }: z.output<typeof lookupSchema>): Promise<{ users: UserDto[] }> {
    return { users: (await this.users.findByIds(ids)).map(toUserDto) };
  }
}

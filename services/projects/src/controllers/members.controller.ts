import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { addMemberSchema, updateMemberSchema, type AddMemberInput, type MemberDto } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { z } from 'zod';
import { MembersService } from '../services/members.service';

/**
 * A project's members. The member's `:userId` is checked by the service after the caller's role
 * (a malformed one is then an unknown member, 404), so a viewer still learns only that they may not.
 */
@Controller('api/projects/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string): Promise<{ members: MemberDto[] }> {
    return { members: await this.members.list(id, user.id) };
  }

  @Post()
  add(@CurrentUser() user: AuthUser, @Body(ZodPipe(addMemberSchema, 'member')) input: AddMemberInput, @Param('id', UuidParam('project')) id: string): Promise<MemberDto> {
    return this.members.add(id, user.id, input);
  }

  @Patch(':userId')
  changeRole(
    @CurrentUser() user: AuthUser,
    @Body(ZodPipe(updateMemberSchema, 'member update')) input: z.output<typeof updateMemberSchema>,
    @Param('id', UuidParam('project')) id: string,
    @Param('userId') userId: string,
  ): Promise<MemberDto> {
    return this.members.changeRole(id, user.id, userId, input.role);
  }

  @Delete(':userId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string, @Param('userId') userId: string): Promise<void> {
    return this.members.remove(id, user.id, userId);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { addMemberSchema, updateMemberSchema, type MemberDto } from '@architech/contracts';
import { CurrentUser, parseInput, type AuthUser } from '@architech/service-kit';
import { MembersService } from '../services/members.service';

@Controller('api/projects/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<{ members: MemberDto[] }> {
    return { members: await this.members.list(id, user.id) };
  }

  @Post()
  add(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<MemberDto> {
    return this.members.add(id, user.id, parseInput(addMemberSchema, body, 'member'));
  }

  @Patch(':userId')
  changeRole(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('userId') userId: string, @Body() body: unknown): Promise<MemberDto> {
    return this.members.changeRole(id, user.id, userId, parseInput(updateMemberSchema, body, 'member update').role);
  }

  @Delete(':userId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.members.remove(id, user.id, userId);
  }
}

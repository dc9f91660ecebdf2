import type {
  Component,
  Connection,
  DesignDiffDto,
  DesignVersionDto,
  DesignVersionSummaryDto,
  ImportDesignResponseDto,
  LoginResponse,
  MemberDto,
  ProjectDto,
  ProjectRole,
  UpdateProjectInput,
  UserDto,
} from '@architech/contracts';
import { request } from './http';

const enc = encodeURIComponent;

/** The gateway's public API (docs/api.md), one typed function per route the web app uses. */
export const api = {
  register: (body: { email: string; password: string; name: string }) => request<{ user: UserDto }>('POST', '/auth/register', body),
  login: (body: { email: string; password: string }) => request<LoginResponse>('POST', '/auth/login', body),
  me: () => request<{ user: UserDto }>('GET', '/me'),

  listProjects: () => request<{ projects: ProjectDto[] }>('GET', '/projects'),
  createProject: (body: { name: string; description?: string }) => request<ProjectDto>('POST', '/projects', body),
  getProject: (id: string) => request<ProjectDto>('GET', `/projects/${enc(id)}`),
  updateProject: (id: string, body: UpdateProjectInput) => request<ProjectDto>('PATCH', `/projects/${enc(id)}`, body),
  deleteProject: (id: string) => request<void>('DELETE', `/projects/${enc(id)}`),
  listTrash: () => request<{ projects: ProjectDto[] }>('GET', '/projects?deleted=true'),
  restoreProject: (id: string) => request<ProjectDto>('POST', `/projects/${enc(id)}/restore`),

  listMembers: (projectId: string) => request<{ members: MemberDto[] }>('GET', `/projects/${enc(projectId)}/members`),
  addMember: (projectId: string, body: { email: string; role: ProjectRole }) => request<MemberDto>('POST', `/projects/${enc(projectId)}/members`, body),
  updateMember: (projectId: string, userId: string, role: ProjectRole) => request<MemberDto>('PATCH', `/projects/${enc(projectId)}/members/${enc(userId)}`, { role }),
  removeMember: (projectId: string, userId: string) => request<void>('DELETE', `/projects/${enc(projectId)}/members/${enc(userId)}`),

  listDesigns: (projectId: string) => request<{ designs: DesignVersionSummaryDto[] }>('GET', `/projects/${enc(projectId)}/designs`),
  saveDesign: (projectId: string, body: SaveDesignBody) => request<DesignVersionDto>('POST', `/projects/${enc(projectId)}/designs`, body),
  importDesign: (projectId: string, body: ImportDesignBody) => request<ImportDesignResponseDto>('POST', `/projects/${enc(projectId)}/imports`, body),
  getDesign: (id: string) => request<DesignVersionDto>('GET', `/designs/${enc(id)}`),
  listVersions: (id: string) => request<{ versions: DesignVersionSummaryDto[] }>('GET', `/designs/${enc(id)}/versions`),
  diff: (id: string, againstId: string) => request<DesignDiffDto>('GET', `/designs/${enc(id)}/diff?against=${enc(againstId)}`),
};

/** Body of an infrastructure import (docs/import.md): file paths and contents. */
export interface ImportDesignBody {
  name?: string;
  format: 'auto' | 'compose' | 'k8s' | 'terraform' | 'cloudformation';
  files: { path: string; text: string }[];
}

/** Body of a design save: a new design without `lineageId`, a new version with it and `baseVersion`. */
export interface SaveDesignBody {
  name?: string;
  description?: string;
  lineageId?: string;
  baseVersion?: number;
  components: Component[];
  connections: Connection[];
}

import { useState } from 'react';
import type { ProjectDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { Link } from '../app/link';
import { navigate } from '../app/router';
import { ErrorMessage, Loading } from '../ui/feedback';
import { useAsync } from '../ui/use-async';
import { DesignList } from './project/design-list';
import { MembersPanel } from './project/members-panel';
import { ProjectHeader } from './project/project-header';
import { ProviderSettings } from './project/provider-settings';
import './project/project.css';

/** One project: its designs (latest versions) and its members. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const project = useAsync(() => api.getProject(projectId), [projectId]);
  const [current, setCurrent] = useState<ProjectDto>();
  const value = current ?? project.value;
  if (project.status === 'error' && !value) return <ErrorMessage error={project.error} onRetry={project.reload} />;
  if (!value) return <Loading label="Loading the project…" />;
  return (
    <div className="stack">
      <nav className="muted" aria-label="Breadcrumbs">
        <Link href="/projects">Projects</Link> / {value.name}
      </nav>
      <ProjectHeader project={value} onChange={setCurrent} onDeleted={() => navigate('/projects')} />
      <Link href={`/projects/${projectId}/requirements`}>Requirements and checks →</Link>
      <div className="project-columns">
        <DesignList project={value} />
        <MembersPanel project={value} />
      </div>
      <ProviderSettings project={value} onChange={setCurrent} />
    </div>
  );
}

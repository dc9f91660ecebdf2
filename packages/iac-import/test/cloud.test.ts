import { join } from 'node:path';
import { importInfrastructure } from '../src';
import { parseHcl } from '../src/hcl-wasm';
import { byName, edges, expectRunnable, FIXTURES, load, props } from './support';

describe('Terraform import', () => {
  it('follows ALB → listener → target group → ECS, the task definition to Aurora, ElastiCache and SQS, SQS → Lambda', async () => {
    const result = await importInfrastructure(load(join(FIXTURES, 'terraform-aws')), { hcl: parseHcl });
    expectRunnable(result);
    expect(result.design.components.map((c) => [c.name, c.type]).sort()).toEqual([
      ['api', 'SERVICE'], ['clients', 'CLIENT'], ['jobs', 'QUEUE'], ['orders', 'DATABASE'], ['sessions', 'CACHE'], ['web', 'LOAD_BALANCER'], ['worker', 'SERVICE'],
    ]);
    expect(props(byName(result, 'api'))).toMatchObject({ replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 10, targetUtilization: 0.6 } });
    expect(props(byName(result, 'orders')).replicas).toBe(2); // two aws_rds_cluster_instance
    expect(props(byName(result, 'worker')).workers).toBe(20); // reserved concurrency
    expect(props(byName(result, 'jobs')).maxDeliveries).toBe(5);
    expect(edges(result)).toEqual(['api>jobs', 'api>sessions', 'clients>web', 'jobs>worker', 'sessions>orders', 'web>api', 'worker>orders']);
    expect(result.evidence.find((e) => e.evidence.startsWith('listener http'))).toMatchObject({ line: 24 });
    expect(result.notes.map((n) => n.resource).sort()).toEqual(['aws_ecs_cluster', 'aws_iam_role', 'aws_sqs_queue', 'aws_subnet', 'aws_vpc']);
    expect(result.metadata.servicesUsed).toEqual(['AWS Lambda', 'Amazon Aurora', 'Amazon ECS', 'Amazon ElastiCache', 'Amazon SQS', 'Elastic Load Balancing']);
    expect(JSON.stringify(result)).not.toContain('secretsmanager');
  });

  it('maps Azure and GCP equivalents', async () => {
    const text = `
resource "azurerm_application_gateway" "front" { name = "front" }
resource "azurerm_linux_web_app" "app" {
  name = "app"
  app_settings = { DB = azurerm_postgresql_flexible_server.db.fqdn, CACHE = azurerm_redis_cache.cache.hostname }
}
resource "azurerm_lb_backend_address_pool" "pool" { loadbalancer_id = azurerm_application_gateway.front.id }
resource "azurerm_postgresql_flexible_server" "db" { name = "db" }
resource "azurerm_redis_cache" "cache" { name = "cache" }
resource "google_cloud_run_v2_service" "api" {
  name = "api"
  template {
    containers {
      env {
        name  = "SQL"
        value = google_sql_database_instance.sql.connection_name
      }
    }
  }
}
resource "google_sql_database_instance" "sql" { name = "sql" }
`;
    const result = await importInfrastructure([{ path: 'main.tf', text }], { hcl: parseHcl });
    expectRunnable(result);
    expect(Object.fromEntries(result.design.components.map((c) => [c.name, c.type]))).toMatchObject({ front: 'LOAD_BALANCER', app: 'SERVICE', db: 'DATABASE', cache: 'CACHE', api: 'SERVICE', sql: 'DATABASE' });
    expect(edges(result)).toEqual(expect.arrayContaining(['app>cache', 'cache>db', 'api>sql']));
  });
});

describe('CloudFormation import', () => {
  it('reads short-form intrinsics: API Gateway → Lambda → DynamoDB and SNS → SQS → Lambda', async () => {
    const result = await importInfrastructure(load(join(FIXTURES, 'cloudformation')));
    expectRunnable(result);
    expect(Object.fromEntries(result.design.components.map((c) => [c.name, c.type]))).toEqual({
      clients: 'CLIENT', Api: 'LOAD_BALANCER', OrdersFunction: 'SERVICE', OrdersTable: 'DATABASE', OrderEvents: 'QUEUE', ShippingQueue: 'QUEUE', ShippingFunction: 'SERVICE',
    });
    expect(props(byName(result, 'OrdersFunction')).workers).toBe(50);
    expect(edges(result)).toEqual(['Api>OrdersFunction', 'OrderEvents>ShippingQueue', 'OrdersFunction>OrderEvents', 'OrdersFunction>OrdersTable', 'ShippingQueue>ShippingFunction', 'clients>Api']);
    expect(result.evidence.find((e) => e.evidence.startsWith('integration OrdersMethod'))).toMatchObject({ line: 36 });
    expect(JSON.stringify(result)).not.toContain('not-copied');
  });

  it('reads the same kind of stack written as JSON', async () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
        Route: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Http' }, IntegrationUri: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { T: { 'Fn::Sub': '${Table}' } } } } },
        Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
      },
    };
    const result = await importInfrastructure([{ path: 'stack.json', text: JSON.stringify(template, null, 2) }]);
    expectRunnable(result);
    expect(edges(result)).toEqual(['Fn>Table', 'Http>Fn', 'clients>Http']);
    expect(result.metadata.originalFormat).toBe('cloudformation');
  });
});

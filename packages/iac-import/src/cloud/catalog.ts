import type { ComponentType } from '@architech/contracts';

/** What a cloud resource type becomes (docs/import.md has the table). */
export type Role =
  | {
      readonly component: ComponentType;
      readonly service: string;
      /** Attribute names (Terraform and CloudFormation spellings) holding the replica count. */
      readonly replicas?: readonly string[];
      readonly workers?: readonly string[];
      /** Serverless function: default capacity of a function. */
      readonly serverless?: boolean;
      /** A cluster whose member resources are its replicas (Aurora, …). */
      readonly cluster?: boolean;
      /** Pub/sub topic: the components it references are its subscribers. */
      readonly topic?: boolean;
      /** An API front door (API Gateway…): what it references it routes to. */
      readonly api?: boolean;
      readonly minMax?: readonly [string, string];
    }
  | { readonly glue: Glue };

export type Glue = 'listener' | 'target_group' | 'attachment' | 'merge' | 'event_source' | 'subscription' | 'integration' | 'scaling_target' | 'scaling_policy';

const lb = (service: string, api = false): Role => ({ component: 'LOAD_BALANCER', service, api });
const svc = (service: string, extra: Partial<Extract<Role, { component: ComponentType }>> = {}): Role => ({ component: 'SERVICE', service, ...extra });
const db = (service: string, extra: Partial<Extract<Role, { component: ComponentType }>> = {}): Role => ({ component: 'DATABASE', service, ...extra });
const cache = (service: string): Role => ({ component: 'CACHE', service, replicas: ['num_cache_nodes', 'NumCacheNodes', 'num_node_groups', 'NumNodeGroups', 'shard_count'] });
const queue = (service: string, topic = false): Role => ({ component: 'QUEUE', service, topic });
const glue = (g: Glue): Role => ({ glue: g });

const ASG = { replicas: ['desired_capacity', 'DesiredCapacity', 'min_size', 'MinSize', 'instances', 'target_size', 'sku_capacity'], minMax: ['min_size|MinSize', 'max_size|MaxSize'] as const };
const FUNCTION = { serverless: true, workers: ['reserved_concurrent_executions', 'ReservedConcurrentExecutions'] };

/** Terraform (AWS, Azure, GCP) and CloudFormation resource types, by role. */
export const CATALOG: Readonly<Record<string, Role>> = {
  // load balancers and API front doors
  aws_lb: lb('Elastic Load Balancing'), aws_alb: lb('Elastic Load Balancing'), aws_elb: lb('Elastic Load Balancing'),
  'AWS::ElasticLoadBalancingV2::LoadBalancer': lb('Elastic Load Balancing'), 'AWS::ElasticLoadBalancing::LoadBalancer': lb('Elastic Load Balancing'),
  aws_api_gateway_rest_api: lb('Amazon API Gateway', true), aws_apigatewayv2_api: lb('Amazon API Gateway', true),
  'AWS::ApiGateway::RestApi': lb('Amazon API Gateway', true), 'AWS::ApiGatewayV2::Api': lb('Amazon API Gateway', true), 'AWS::Serverless::Api': lb('Amazon API Gateway', true), 'AWS::Serverless::HttpApi': lb('Amazon API Gateway', true),
  azurerm_lb: lb('Azure Load Balancer'), azurerm_application_gateway: lb('Azure Application Gateway'), azurerm_api_management: lb('Azure API Management', true),
  google_compute_url_map: lb('Google Cloud Load Balancing'), google_api_gateway_gateway: lb('Google API Gateway', true),
  aws_lb_listener: glue('listener'), aws_alb_listener: glue('listener'), aws_lb_listener_rule: glue('listener'),
  'AWS::ElasticLoadBalancingV2::Listener': glue('listener'), 'AWS::ElasticLoadBalancingV2::ListenerRule': glue('listener'),
  aws_lb_target_group: glue('target_group'), aws_alb_target_group: glue('target_group'), 'AWS::ElasticLoadBalancingV2::TargetGroup': glue('target_group'),
  google_compute_backend_service: glue('target_group'), azurerm_lb_backend_address_pool: glue('target_group'),
  aws_lb_target_group_attachment: glue('attachment'), aws_autoscaling_attachment: glue('attachment'),
  aws_api_gateway_integration: glue('integration'), aws_apigatewayv2_integration: glue('integration'),
  'AWS::ApiGateway::Method': glue('integration'), 'AWS::ApiGatewayV2::Integration': glue('integration'),
  // compute
  aws_ecs_service: svc('Amazon ECS', { replicas: ['desired_count', 'DesiredCount'] }), 'AWS::ECS::Service': svc('Amazon ECS', { replicas: ['desired_count', 'DesiredCount'] }),
  aws_ecs_task_definition: glue('merge'), 'AWS::ECS::TaskDefinition': glue('merge'),
  aws_launch_template: glue('merge'), aws_launch_configuration: glue('merge'), 'AWS::EC2::LaunchTemplate': glue('merge'), 'AWS::AutoScaling::LaunchConfiguration': glue('merge'),
  aws_autoscaling_group: svc('Amazon EC2 Auto Scaling', ASG), 'AWS::AutoScaling::AutoScalingGroup': svc('Amazon EC2 Auto Scaling', ASG),
  azurerm_linux_virtual_machine_scale_set: svc('Azure VM Scale Sets', ASG), azurerm_windows_virtual_machine_scale_set: svc('Azure VM Scale Sets', ASG),
  google_compute_instance_group_manager: svc('Google Compute Engine', ASG), google_compute_region_instance_group_manager: svc('Google Compute Engine', ASG),
  aws_instance: svc('Amazon EC2'), 'AWS::EC2::Instance': svc('Amazon EC2'), azurerm_linux_virtual_machine: svc('Azure Virtual Machines'), azurerm_windows_virtual_machine: svc('Azure Virtual Machines'), google_compute_instance: svc('Google Compute Engine'),
  aws_lambda_function: svc('AWS Lambda', FUNCTION), 'AWS::Lambda::Function': svc('AWS Lambda', FUNCTION), 'AWS::Serverless::Function': svc('AWS Lambda', FUNCTION),
  azurerm_function_app: svc('Azure Functions', FUNCTION), azurerm_linux_function_app: svc('Azure Functions', FUNCTION), azurerm_windows_function_app: svc('Azure Functions', FUNCTION),
  google_cloudfunctions_function: svc('Google Cloud Functions', FUNCTION), google_cloudfunctions2_function: svc('Google Cloud Functions', FUNCTION),
  aws_apprunner_service: svc('AWS App Runner'), 'AWS::AppRunner::Service': svc('AWS App Runner'),
  azurerm_container_app: svc('Azure Container Apps'), azurerm_linux_web_app: svc('Azure App Service'), azurerm_windows_web_app: svc('Azure App Service'), azurerm_app_service: svc('Azure App Service'),
  google_cloud_run_service: svc('Google Cloud Run'), google_cloud_run_v2_service: svc('Google Cloud Run'),
  aws_lambda_event_source_mapping: glue('event_source'), 'AWS::Lambda::EventSourceMapping': glue('event_source'),
  aws_appautoscaling_target: glue('scaling_target'), 'AWS::ApplicationAutoScaling::ScalableTarget': glue('scaling_target'),
  aws_appautoscaling_policy: glue('scaling_policy'), 'AWS::ApplicationAutoScaling::ScalingPolicy': glue('scaling_policy'),
  aws_autoscaling_policy: glue('scaling_policy'), 'AWS::AutoScaling::ScalingPolicy': glue('scaling_policy'),
  // data
  aws_db_instance: db('Amazon RDS'), 'AWS::RDS::DBInstance': db('Amazon RDS'),
  aws_rds_cluster: db('Amazon Aurora', { cluster: true }), 'AWS::RDS::DBCluster': db('Amazon Aurora', { cluster: true }), aws_rds_cluster_instance: db('Amazon Aurora'),
  aws_dynamodb_table: db('Amazon DynamoDB'), 'AWS::DynamoDB::Table': db('Amazon DynamoDB'), 'AWS::Serverless::SimpleTable': db('Amazon DynamoDB'),
  azurerm_postgresql_flexible_server: db('Azure Database for PostgreSQL'), azurerm_postgresql_server: db('Azure Database for PostgreSQL'), azurerm_mysql_flexible_server: db('Azure Database for MySQL'),
  azurerm_mssql_server: db('Azure SQL Database', { cluster: true }), azurerm_mssql_database: db('Azure SQL Database'), azurerm_cosmosdb_account: db('Azure Cosmos DB'),
  google_sql_database_instance: db('Google Cloud SQL'), google_spanner_instance: db('Google Cloud Spanner'), google_bigtable_instance: db('Google Cloud Bigtable'), google_firestore_database: db('Google Firestore'), google_alloydb_cluster: db('Google AlloyDB', { cluster: true }), google_alloydb_instance: db('Google AlloyDB'),
  aws_elasticache_cluster: cache('Amazon ElastiCache'), aws_elasticache_replication_group: cache('Amazon ElastiCache'), aws_elasticache_serverless_cache: cache('Amazon ElastiCache'),
  'AWS::ElastiCache::CacheCluster': cache('Amazon ElastiCache'), 'AWS::ElastiCache::ReplicationGroup': cache('Amazon ElastiCache'),
  azurerm_redis_cache: cache('Azure Cache for Redis'), google_redis_instance: cache('Google Memorystore'),
  // messaging
  aws_sqs_queue: queue('Amazon SQS'), 'AWS::SQS::Queue': queue('Amazon SQS'), azurerm_servicebus_queue: queue('Azure Service Bus'), azurerm_storage_queue: queue('Azure Queue Storage'), google_cloud_tasks_queue: queue('Google Cloud Tasks'),
  aws_sns_topic: queue('Amazon SNS', true), 'AWS::SNS::Topic': queue('Amazon SNS', true), azurerm_servicebus_topic: queue('Azure Service Bus', true), azurerm_eventgrid_topic: queue('Azure Event Grid', true), google_pubsub_topic: queue('Google Pub/Sub', true),
  aws_sns_topic_subscription: glue('subscription'), 'AWS::SNS::Subscription': glue('subscription'), google_pubsub_subscription: glue('subscription'), azurerm_servicebus_subscription: glue('subscription'),
  aws_msk_cluster: queue('Amazon MSK'), aws_msk_serverless_cluster: queue('Amazon MSK'), 'AWS::MSK::Cluster': queue('Amazon MSK'),
  aws_kinesis_stream: queue('Amazon Kinesis'), 'AWS::Kinesis::Stream': queue('Amazon Kinesis'), azurerm_eventhub: queue('Azure Event Hubs'),
};

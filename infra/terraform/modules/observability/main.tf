# Alarms to one SNS topic, and the KMS key of every CloudWatch log group (the groups themselves are
# created next to what writes to them: functions, api, messaging, so that they exist before the
# first invocation and carry the retention).
#
# Alarms: errors of every Lambda; failure queues and the scheduler DLQ not empty; records arriving
# on a Kafka `.dlq` topic (dead letters wait for a replay, so any new one is news); event source
# mapping lag; solve invocations close to the Lambda limit (continuations not handing off in time);
# backup failures and backups that did not run.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "logs_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "CloudWatchLogsEncrypts"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

resource "aws_kms_key" "logs" {
  description             = "${var.name_prefix}: CloudWatch log groups"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.logs_key.json
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name_prefix}-logs"
  target_key_id = aws_kms_key.logs.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
  dlq_topics    = toset([for line in split("\n", file(var.topics_file)) : trimspace(line) if endswith(trimspace(line), ".dlq")])
  kafka_lambdas = { for k, e in var.event_lambdas : k => e if e.trigger == "kafka" }
  solve_lambdas = { for k, e in var.event_lambdas : k => e if e.function == "solve" }
  backup_runs   = { for k, e in var.event_lambdas : k => e if e.function == "backup" && e.trigger == "schedule" }
  all_lambdas = merge(
    { for k, e in var.event_lambdas : k => e.name },
    { for fn, h in var.http_lambdas : format("%s.http", fn) => h.name }
  )
}

resource "aws_cloudwatch_metric_alarm" "lambda_errors" {
  for_each            = local.all_lambdas
  alarm_name          = "${each.value}-errors"
  alarm_description   = "Invocations of ${each.value} failed (see its log group)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "failure_queue" {
  for_each            = merge(var.failure_queues, { scheduler = var.scheduler_dlq_name })
  alarm_name          = "${each.value}-not-empty"
  alarm_description   = "Invocations or event batches of ${each.key} that Lambda gave up on wait in ${each.value}."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}

# Per-topic broker metrics (enhanced monitoring PER_TOPIC_PER_BROKER) summed over brokers with a
# Metrics Insights query.
resource "aws_cloudwatch_metric_alarm" "kafka_dlq" {
  for_each            = local.dlq_topics
  alarm_name          = "${var.name_prefix}-${replace(each.value, ".", "-")}-records"
  alarm_description   = "Records were dead-lettered to ${each.value}; inspect the dead-letter-* headers and replay."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions

  metric_query {
    id          = "dlq"
    label       = "records in per second on ${each.value}"
    period      = 300
    return_data = true
    expression  = "SELECT MAX(MessagesInPerSec) FROM SCHEMA(\"AWS/Kafka\", \"Broker ID\", \"Cluster Name\", Topic) WHERE \"Cluster Name\" = '${var.kafka_cluster_name}' AND Topic = '${each.value}'"
  }
}

resource "aws_cloudwatch_metric_alarm" "kafka_lag" {
  for_each            = local.kafka_lambdas
  alarm_name          = "${each.value.name}-offset-lag"
  alarm_description   = "${each.value.name} falls behind its topics (a failing batch blocks its partition, or too few pollers)."
  namespace           = "AWS/Lambda"
  metric_name         = "OffsetLag"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.offset_lag_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "solve_duration" {
  for_each            = local.solve_lambdas
  alarm_name          = "${each.value.name}-near-timeout"
  alarm_description   = "A solve invocation ran past ${var.solve_duration_ratio * 100}% of its ${each.value.timeout_s} s limit: the continuation should have been handed off earlier."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.timeout_s * 1000 * var.solve_duration_ratio
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "backup_failed" {
  for_each            = local.backup_runs
  alarm_name          = "${each.value.name}-backup-failed"
  alarm_description   = "The scheduled backup job ${each.value.export} failed: the database may be without a fresh backup."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "backup_missing" {
  for_each            = local.backup_runs
  alarm_name          = "${each.value.name}-backup-missing"
  alarm_description   = "The scheduled backup job ${each.value.export} did not run in the last day."
  namespace           = "AWS/Lambda"
  metric_name         = "Invocations"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Sum"
  period              = 86400
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
}

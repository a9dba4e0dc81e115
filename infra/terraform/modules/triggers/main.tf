# What invokes the events Lambdas: the S3 notification of the uploads bucket (ingest), MSK event
# source mappings (kafka entry points, one per topic) and EventBridge Scheduler (schedule entries).

locals {
  s3_entries       = { for k, e in var.event_lambdas : k => e if e.trigger == "s3" }
  schedule_entries = { for k, e in var.event_lambdas : k => e if e.trigger == "schedule" }
  kafka_mappings = { for m in flatten([
    for k, e in var.event_lambdas : [
      for topic in e.topics : {
        key                    = "${k}.${topic}"
        entry                  = k
        function               = e.function
        lambda_arn             = e.arn
        topic                  = topic
        batch_size             = e.batch_size
        maximum_retry_attempts = e.maximum_retry_attempts
        failure_queue          = e.failure_queue
      }
    ] if e.trigger == "kafka"
  ]) : m.key => m }
}

# ---- S3: uploads/<tenant>/... -> ingest ----

resource "aws_lambda_permission" "s3" {
  for_each       = local.s3_entries
  statement_id   = "AllowUploadsBucket"
  action         = "lambda:InvokeFunction"
  function_name  = each.value.name
  qualifier      = each.value.qualifier
  principal      = "s3.amazonaws.com"
  source_arn     = var.uploads_bucket_arn
  source_account = data.aws_caller_identity.current.account_id
}

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = var.uploads_bucket_name

  dynamic "lambda_function" {
    for_each = local.s3_entries
    content {
      id                  = "flextime-${lambda_function.key}"
      lambda_function_arn = lambda_function.value.arn
      events              = ["s3:ObjectCreated:*"]
      filter_prefix       = var.uploads_prefix
    }
  }

  depends_on = [aws_lambda_permission.s3]
}

# ---- MSK -> kafka entry points ----

# Starting position TRIM_HORIZON matches the local consumers' auto.offset.reset=earliest: a new
# mapping reads what was published before it existed. Provisioned pollers enable the retry limit and
# the on-failure destination; a batch still failing after the code's own retries and DLQ (timeouts,
# crashes) goes to the function's failure queue with its offsets, for replay.
resource "aws_lambda_event_source_mapping" "kafka" {
  for_each                           = local.kafka_mappings
  function_name                      = each.value.lambda_arn
  event_source_arn                   = var.kafka_cluster_arn
  topics                             = [each.value.topic]
  starting_position                  = "TRIM_HORIZON"
  batch_size                         = each.value.batch_size
  maximum_batching_window_in_seconds = 1
  maximum_retry_attempts             = each.value.maximum_retry_attempts

  amazon_managed_kafka_event_source_config {
    consumer_group_id = "${var.name_prefix}-${each.value.function}-${each.value.topic}"
  }

  provisioned_poller_config {
    minimum_pollers = 1
    maximum_pollers = var.kafka_maximum_pollers
  }

  destination_config {
    on_failure {
      destination_arn = each.value.failure_queue
    }
  }
}

# ---- EventBridge Scheduler -> schedule entries ----

resource "aws_scheduler_schedule_group" "this" {
  name = var.name_prefix
}

resource "aws_sqs_queue" "scheduler_dlq" {
  name                      = "${var.name_prefix}-scheduler-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name_prefix}-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeScheduledEntryPoints"
    actions   = ["lambda:InvokeFunction"]
    resources = length(local.schedule_entries) > 0 ? [for k, e in local.schedule_entries : e.arn] : ["arn:aws:lambda:*:${data.aws_caller_identity.current.account_id}:function:none"]
  }
  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.scheduler_dlq.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "${var.name_prefix}-scheduler"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

# The Lambda receives the schedule's ScheduledEvent ("time" = the firing time the backup and export
# handlers key their idempotency on): EventBridge Scheduler's Lambda target sends the input as is, so
# the input mirrors the EventBridge "Scheduled Event" shape with Scheduler's context attributes.
resource "aws_scheduler_schedule" "this" {
  for_each                     = local.schedule_entries
  name                         = replace(each.key, ".", "-")
  group_name                   = aws_scheduler_schedule_group.this.name
  description                  = "FlexTime ${each.value.function}: @Funq ${each.value.export}"
  schedule_expression          = each.value.schedule
  schedule_expression_timezone = each.value.schedule_timezone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = each.value.arn
    role_arn = aws_iam_role.scheduler.arn
    input = jsonencode({
      id            = "<aws.scheduler.execution-id>"
      "detail-type" = "Scheduled Event"
      source        = "aws.scheduler"
      time          = "<aws.scheduler.scheduled-time>"
      resources     = ["<aws.scheduler.schedule-arn>"]
      detail        = {}
    })

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 3
    }

    dead_letter_config {
      arn = aws_sqs_queue.scheduler_dlq.arn
    }
  }
}

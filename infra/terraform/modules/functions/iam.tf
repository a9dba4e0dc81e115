# One role per function, shared by its events and http Lambdas: logs of its own log groups, VPC
# networking, its failure queue, the environment key, the S3 prefixes listed in its `storage`, and
# (when it has kafka entry points) what the MSK event source mapping needs to describe the cluster.
# Nothing reads Secrets Manager at run time (see main.tf), so no role may.

locals {
  read_grants = { for fn, f in var.functions : fn => [for ref in f.storage.read : {
    sid     = "Read"
    bucket  = split(":", ref)[0]
    prefix  = split(":", ref)[1]
    actions = ["s3:GetObject", "s3:GetObjectVersion"]
  }] }
  write_grants = { for fn, f in var.functions : fn => [for ref in f.storage.write : {
    sid     = "Write"
    bucket  = split(":", ref)[0]
    prefix  = split(":", ref)[1]
    actions = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
  }] }
  bucket_grants = { for fn, f in var.functions : fn => concat(local.read_grants[fn], local.write_grants[fn]) }

  kafka_functions = toset([for k, e in local.event_entries : e.function if e.trigger == "kafka"])
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each           = var.functions
  name               = "${var.name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "function" {
  for_each = var.functions

  statement {
    sid     = "OwnLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = concat(
      [for k, e in local.event_entries : "${aws_cloudwatch_log_group.events[k].arn}:*" if e.function == each.key],
      [for fn, h in local.http_functions : "${aws_cloudwatch_log_group.http[fn].arn}:*" if fn == each.key]
    )
  }

  statement {
    sid = "VpcNetworkInterfaces"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
      "ec2:DescribeSubnets",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeVpcs",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "FailureQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failures[each.key].arn]
  }

  statement {
    sid       = "EnvironmentKey"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.functions.arn]
  }

  statement {
    sid       = "ObjectKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.storage_kms_key_arn]
  }

  dynamic "statement" {
    for_each = local.bucket_grants[each.key]
    content {
      sid       = "${statement.value.sid}${title(statement.value.bucket)}${statement.key}"
      actions   = statement.value.actions
      resources = ["${var.bucket_arns[statement.value.bucket]}/${statement.value.prefix}*"]
    }
  }

  dynamic "statement" {
    for_each = toset(distinct([for g in local.bucket_grants[each.key] : g.bucket]))
    content {
      sid       = "List${title(statement.value)}"
      actions   = ["s3:ListBucket"]
      resources = [var.bucket_arns[statement.value]]
      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = [for g in local.bucket_grants[each.key] : "${g.prefix}*" if g.bucket == statement.value]
      }
    }
  }

  dynamic "statement" {
    for_each = contains(local.kafka_functions, each.key) ? [1] : []
    content {
      sid       = "KafkaEventSource"
      actions   = ["kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
      resources = [var.kafka_cluster_arn]
    }
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = var.functions
  name     = "${var.name_prefix}-${each.key}"
  role     = aws_iam_role.function[each.key].id
  policy   = data.aws_iam_policy_document.function[each.key].json
}

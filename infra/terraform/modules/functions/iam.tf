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

  # MSK IAM resources: arn:aws:kafka:<region>:<account>:{topic,group}/<cluster name>/<cluster uuid>/<name>
  kafka_cluster_path = join("/", slice(split("/", var.kafka_cluster_arn), 1, 3))
  kafka_prefix       = "arn:aws:kafka:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"
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

  # MSK with IAM authentication (SASL AWS_MSK_IAM): every function publishes events and reads its
  # consumer groups' topics; the event source mappings authenticate with this role too.
  statement {
    sid       = "KafkaConnect"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [var.kafka_cluster_arn]
  }

  statement {
    sid = "KafkaTopics"
    actions = [
      "kafka-cluster:DescribeTopic",
      "kafka-cluster:ReadData",
      "kafka-cluster:WriteData",
      "kafka-cluster:WriteDataIdempotently",
    ]
    resources = ["${local.kafka_prefix}:topic/${local.kafka_cluster_path}/*"]
  }

  statement {
    sid       = "KafkaGroups"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.kafka_prefix}:group/${local.kafka_cluster_path}/*"]
  }
}

# Operators reach the operator doors (backups, restores, tenant registration) only by invoking the
# http Lambda directly under this role; the request still carries a platform operator's token, which
# the function verifies (the Door table).
data "aws_iam_policy_document" "assume_operators" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = length(var.operator_principals) > 0 ? var.operator_principals : ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "operators" {
  name               = "${var.name_prefix}-operators"
  assume_role_policy = data.aws_iam_policy_document.assume_operators.json
}

data "aws_iam_policy_document" "operators" {
  statement {
    sid       = "InvokeOperatorDoors"
    actions   = ["lambda:InvokeFunction"]
    resources = length(local.operator_functions) > 0 ? [for fn, h in local.operator_functions : aws_lambda_alias.http[fn].arn] : ["arn:aws:lambda:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:function:${var.name_prefix}-none"]
  }
}

resource "aws_iam_role_policy" "operators" {
  name   = "${var.name_prefix}-operators"
  role   = aws_iam_role.operators.id
  policy = data.aws_iam_policy_document.operators.json
}

resource "aws_iam_role_policy" "function" {
  for_each = var.functions
  name     = "${var.name_prefix}-${each.key}"
  role     = aws_iam_role.function[each.key].id
  policy   = data.aws_iam_policy_document.function[each.key].json
}

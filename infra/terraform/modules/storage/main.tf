# The four buckets of DESIGN §2: uploads (ingest's trigger), data (raw/, quarantine/, reports/),
# exports and backups, and the audit trail's (the backup function ships audit_event there, under S3
# Object Lock in compliance mode: no object can be overwritten or deleted before its retention ends, by
# anyone, the account root included). Every bucket: versioned, SSE-KMS with a bucket key, public access
# blocked, owner-enforced object ownership, TLS-only policy and lifecycle rules.
#
# Lifecycle rules only ever expire *noncurrent* versions, incomplete uploads and delete markers
# (plus quarantine/ objects): the backup function owns backup retention, because only it knows the
# chains of incremental backups that a blind expiry would break.

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "storage" {
  description             = "${var.name_prefix}: S3 objects (uploads, data, exports, backups)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "storage" {
  name          = "alias/${var.name_prefix}-storage"
  target_key_id = aws_kms_key.storage.key_id
}

locals {
  buckets = {
    uploads = "${var.name_prefix}-uploads${var.bucket_suffix}"
    data    = "${var.name_prefix}-data${var.bucket_suffix}"
    exports = "${var.name_prefix}-exports${var.bucket_suffix}"
    backups = "${var.name_prefix}-backups${var.bucket_suffix}"
    audit   = "${var.name_prefix}-audit${var.bucket_suffix}"
  }
}

resource "aws_s3_bucket" "this" {
  for_each            = local.buckets
  bucket              = each.value
  force_destroy       = var.force_destroy && each.key != "audit"
  object_lock_enabled = each.key == "audit"
}

# Every shipped audit object is locked for audit_retention_days from its creation (compliance mode).
resource "aws_s3_bucket_object_lock_configuration" "audit" {
  bucket = aws_s3_bucket.this["audit"].id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = var.audit_retention_days
    }
  }
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = aws_s3_bucket.this
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.storage.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_policy" "tls_only" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [each.value.arn, "${each.value.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
  bucket = aws_s3_bucket.this["uploads"].id
  rule {
    id     = "uploads-noncurrent"
    status = "Enabled"
    filter {
      prefix = "uploads/"
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.this["data"].id
  rule {
    id     = "raw-infrequent-access"
    status = "Enabled"
    filter {
      prefix = "raw/"
    }
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }
  }
  rule {
    id     = "quarantine-expiry"
    status = "Enabled"
    filter {
      prefix = "quarantine/"
    }
    expiration {
      days = var.quarantine_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }
  rule {
    id     = "reports-noncurrent"
    status = "Enabled"
    filter {
      prefix = "reports/"
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }
  }
  rule {
    id     = "abort-multipart"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "exports" {
  bucket = aws_s3_bucket.this["exports"].id
  rule {
    id     = "exports-noncurrent"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "backups" {
  bucket = aws_s3_bucket.this["backups"].id
  rule {
    id     = "backups-archive"
    status = "Enabled"
    filter {}
    transition {
      days          = var.backup_archive_days
      storage_class = "GLACIER_IR"
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }
    expiration {
      expired_object_delete_marker = true
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 2
    }
  }
  depends_on = [aws_s3_bucket_versioning.this]
}

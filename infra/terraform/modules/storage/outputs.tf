output "bucket_names" {
  description = "Bucket name per role: uploads, data, exports, backups, audit."
  value       = { for role, b in aws_s3_bucket.this : role => b.id }
}

output "bucket_arns" {
  description = "Bucket ARN per role."
  value       = { for role, b in aws_s3_bucket.this : role => b.arn }
}

output "kms_key_arn" {
  description = "The key that encrypts every object; functions need kms:Decrypt / GenerateDataKey on it."
  value       = aws_kms_key.storage.arn
}

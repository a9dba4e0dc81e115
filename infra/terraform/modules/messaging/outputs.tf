output "cluster_arn" {
  value = aws_msk_cluster.this.arn
}

output "cluster_name" {
  value = aws_msk_cluster.this.cluster_name
}

output "bootstrap_brokers_sasl_iam" {
  description = "Comma-separated host:9098 list (TLS + IAM): FLEXTIME_KAFKA_BOOTSTRAP; the aws profile sets SASL_SSL / AWS_MSK_IAM."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "security_group_id" {
  description = "The cluster's security group (also carried by the Lambda event pollers)."
  value       = aws_security_group.msk.id
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  description = "Environment name; resources are named flextime-<environment>-..."
  type        = string
  default     = "example"
  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.environment))
    error_message = "environment: 2-12 lower-case letters and digits (it is part of 64-character Lambda names)."
  }
}

variable "vpc_id" {
  description = "Existing VPC with private subnets (and S3/Lambda/STS endpoints or a NAT gateway)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets in 2 or 3 availability zones: Lambdas, RDS, ElastiCache, MSK brokers."
  type        = list(string)
}

variable "bucket_suffix" {
  description = "Makes bucket names globally unique, e.g. \"-123456789012\"."
  type        = string
  default     = ""
}

variable "functions" {
  description = "Entry points, sizes and permissions of the five functions: see functions.auto.tfvars and modules/functions."
  type        = any
}

variable "runtime_mode" {
  description = "native (provided.al2023 zips, the default) or jvm."
  type        = string
  default     = "native"
}

variable "snap_start" {
  description = "jvm: Lambda SnapStart on the published versions (modules/functions)."
  type        = bool
  default     = true
}

variable "artifacts_dir" {
  description = "Folder of <function>-events.zip / <function>-http.zip (infra/terraform/scripts/package-functions.sh)."
  type        = string
  default     = "../../dist"
}

variable "jwt_issuer" {
  description = "JWT issuer URL of the identity provider, e.g. https://cognito-idp.<region>.amazonaws.com/<pool id>."
  type        = string
}

variable "jwt_audiences" {
  type = list(string)
}

variable "jwt_jwks_url" {
  description = "The identity provider's JWKS (e.g. https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json): the functions verify every token against it."
  type        = string
  validation {
    condition     = startswith(var.jwt_jwks_url, "https://")
    error_message = "The JWKS is fetched over https only."
  }
}

variable "jwt_scopes" {
  description = "Scopes the API Gateway authorizer requires on every route (a resource server scope of the identity provider)."
  type        = list(string)
  default     = ["flextime/api"]
}

variable "jwt_tenant_claim" {
  description = "The token claim naming the tenant (custom:tenant with a Cognito user attribute)."
  type        = string
  default     = "custom:tenant"
}

variable "jwt_roles_claim" {
  description = "The token claim listing the roles viewer, scheduler, publisher, operator (cognito:groups with Cognito groups)."
  type        = string
  default     = "cognito:groups"
}

variable "operator_principals" {
  description = "IAM principals (ARNs) allowed to assume the operators role, the only way to the backup and tenant doors."
  type        = list(string)
  default     = []
}

variable "audit_retention_days" {
  description = "Days each shipped audit object stays locked (S3 Object Lock, compliance mode)."
  type        = number
  default     = 400
}

variable "api_throttling_rate_limit" {
  type    = number
  default = 50
}

variable "api_throttling_burst_limit" {
  type    = number
  default = 100
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "redis_replicas" {
  type    = number
  default = 1
}

variable "kafka_broker_instance_type" {
  type    = string
  default = "kafka.m7g.large"
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "alarm_emails" {
  type    = list(string)
  default = []
}

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State: keep it remote and locked in a real environment, e.g.
  # backend "s3" { bucket = "<state bucket>", key = "flextime/example.tfstate", region = "us-east-1", use_lockfile = true }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      project     = "flextime"
      environment = var.environment
    }
  }
}

#!/usr/bin/env bash
# Placeholder replaced by the GOV.UK Frontend build.
set -euo pipefail

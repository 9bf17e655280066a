"""Property-based run against the served OpenAPI schema: no input gives a 5xx.

Schemathesis generates valid (positive) and invalid (negative) requests for every
operation, a bounded number each, against the real server.  Besides "no server
error", responses must match the declared schemas, status codes and content types.
(Driven through Hypothesis directly: schemathesis' pytest plugin does not run under
this pytest version.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
EXAMPLES = 25


@pytest.fixture(scope="module")
def operations(base_url: str) -> list[Any]:
    schema = schemathesis.openapi.from_url(base_url + "/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_server_errors(operations: list[Any], base_url: str, mode: GenerationMode) -> None:
    assert len(operations) >= 10
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not operation.definition.raw.get("parameters"):
            continue  # nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=10)

        run()

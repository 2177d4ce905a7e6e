package org.equalityledger.service.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * OpenAPI at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}: logins (HTTP Basic demo
 * accounts, bearer tokens of the OIDC issuer), the problem documents every operation may answer and
 * the {@code Idempotency-Key} header of every command.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("details.financial.currency"))
                .addProperty("message", new StringSchema().example("must be an ISO 4217 currency code, e.g. USD"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem document (application/problem+json)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("400 only: every bad field"))
                .addProperty("rule", new StringSchema().example("commitment.period.too-long")
                        .description("409 and 422: the rule that refused the request, or concurrent-change"));
        return problem;
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Equality Ledger API").version("1")
                        .description("""
                                The command side of the Equality Ledger: initiatives, commitment makers, \
                                commitments, decisions, amendments, extensions, yearly reports and reporting \
                                cycles. Every command needs a login and is recorded with its actor and reason.

                                Answers: a creation is 201 with a Location; any other command is 200; both carry \
                                an Outcome. Failures are problem documents: 400 names every bad field in `errors`; \
                                401 no login; 403 refused for the user's roles; 404 unknown; 409 a rule \
                                (`rule`) or a concurrent change (`concurrent-change`: retry); 413 body over 1 MB; \
                                415 not JSON; 422 an Idempotency-Key reused for a different request; 429 too many \
                                failed logins (wait `Retry-After` seconds). No refusal changes anything.

                                Without login: the dashboards and public reads, and the ledger's public key \
                                (`/api/audit/public-key`) and latest signed checkpoint (`/api/audit/checkpoints/latest`), \
                                to compare a copy of the ledger with.

                                Idempotency: send `Idempotency-Key: <uuid>` with a command; a retry with the same \
                                key gets the first answer (header `Idempotent-Replayed: true`) and adds no event.

                                Demo accounts (embedded mode only), password `demo`: secretariat, leader-gac, \
                                leader-ac-ejr, leader-ac-gbv, ally-demo, ally-partner, auditor."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("demo accounts (embedded mode)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("tokens of the OIDC issuer (LEDGER_OIDC_ISSUER_URI)")))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
    }

    @Bean
    OpenApiCustomizer ledgerProblems() {
        Map<String, String> errors = Map.of(
                "400", "bad input: `errors` names every bad field",
                "401", "no login",
                "403", "refused: the user's roles do not allow it",
                "404", "unknown id",
                "409", "refused by a rule (`rule`), or changed concurrently (`concurrent-change`)",
                "429", "too many failed logins for the account or from the address: held back for `Retry-After` seconds");
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> addProblems(path, item, errors));
        };
    }

    private static void addProblems(String path, PathItem item, Map<String, String> errors) {
        if (!path.startsWith("/api/")) {
            return;
        }
        item.readOperationsMap().forEach((method, operation) -> {
            errors.forEach((code, description) -> {
                if (operation.getResponses().get(code) == null) {
                    operation.getResponses().addApiResponse(code, problem(description));
                }
            });
            operation.getResponses().get("429").addHeaderObject("Retry-After", new Header()
                    .schema(new IntegerSchema()).description("seconds until logins are checked again"));
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                commandExtras(operation);
            }
        });
    }

    private static void commandExtras(Operation operation) {
        operation.getResponses().addApiResponse("413", problem("body over 1 MB"));
        operation.getResponses().addApiResponse("415", problem("not application/json"));
        operation.getResponses().addApiResponse("422",
                problem("the Idempotency-Key was used before with a different request"));
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                    .schema(new StringSchema().maxLength(200).example("4b2c8f0e-6f7e-4a53-9d55-1c1f2d7e9a10"))
                    .description("a retry with the same key gets the first answer and adds no event"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}

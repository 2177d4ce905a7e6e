package org.equalityledger.service.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.equalityledger.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The stores of {@link StoreTest}. Each is started once for the whole test run and shared; tests
 * stay apart by using databases of their own.
 */
public final class TestStores implements TestTemplateInvocationContextProvider {

    public static final String URI_VARIABLE = "LEDGER_TEST_MONGODB_URI";

    private static TestStore embedded;
    private static TestStore container;
    private static TestStore external;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<TestTemplateInvocationContext> contexts = new ArrayList<>();
        contexts.add(new OnStore("embedded", TestStores::embedded, null));
        boolean docker = dockerAvailable();
        contexts.add(new OnStore("mongodb-container", TestStores::container,
                docker ? null : "no Docker engine here: the Testcontainers MongoDB replica set is skipped"));
        String uri = System.getenv(URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            contexts.add(new OnStore("mongodb-uri", TestStores::external, null));
        }
        return contexts.stream();
    }

    /** The embedded server every test run has: in-process, on a temporary folder. */
    public static synchronized TestStore embedded() {
        if (embedded == null) {
            try {
                EmbeddedMongoServer server = EmbeddedMongoServer.start(Files.createTempDirectory("ledger-test-store"),
                        EmbeddedMongoServer.Options.defaults().withFsync(false));
                embedded = new TestStore("embedded", MongoClients.create(server.connectionString()),
                        server.connectionString());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    private static synchronized TestStore container() {
        if (container == null) {
            @SuppressWarnings("resource")
            MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReuse(false);
            mongo.start();
            container = new TestStore("mongodb-container", client(mongo.getReplicaSetUrl()), mongo.getReplicaSetUrl());
        }
        return container;
    }

    private static synchronized TestStore external() {
        if (external == null) {
            String uri = System.getenv(URI_VARIABLE);
            external = new TestStore("mongodb-uri", client(uri), uri);
        }
        return external;
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(uri);
    }

    private static Boolean docker;

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                docker = false;
            }
        }
        return docker;
    }

    private record OnStore(String name, Supplier<TestStore> store, String skipReason)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "on " + name;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(
                    (ExecutionCondition) context -> skipReason == null
                            ? ConditionEvaluationResult.enabled("store " + name)
                            : ConditionEvaluationResult.disabled(skipReason),
                    new ParameterResolver() {
                        @Override
                        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                            return parameter.getParameter().getType() == TestStore.class;
                        }

                        @Override
                        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                            return store.get();
                        }
                    });
        }
    }
}

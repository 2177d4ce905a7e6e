package org.equalityledger.service.web;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** An API test through HTTP on the shared service context, with the {@link Api} helper. */
@LedgerServiceTest
abstract class ApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUpApi() {
        api = new Api(http, ledger);
    }
}

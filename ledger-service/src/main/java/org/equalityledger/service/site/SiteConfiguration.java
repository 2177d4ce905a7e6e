package org.equalityledger.service.site;

import java.util.List;

import org.equalityledger.service.InterceptedParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** The site's language resolution (replacing Spring's Accept-Language only) and the parameters every page takes. */
@Configuration(proxyBeanMethods = false)
public class SiteConfiguration {

    /** Every page takes the language and the instant beside its own parameters. */
    @Bean
    InterceptedParameters siteParameters() {
        return handler -> handler.getBeanType().getPackageName().startsWith(SiteConfiguration.class.getPackageName())
                ? List.of("lang", "asOf") : List.of();
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new SiteLocales();
    }
}

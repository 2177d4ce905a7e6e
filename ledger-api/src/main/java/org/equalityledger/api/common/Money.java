package org.equalityledger.api.common;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency. Never converted here: conversion is a read-model concern. */
public record Money(BigDecimal amount, String currency) {

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** Validates a money value whose amount must be greater than zero (a pledge). */
    public static void checkPositive(Checks checks, String field, Money money) {
        if (checks.notNull(field, money)) {
            checks.positive(field + ".amount", money.amount());
            checks.currency(field + ".currency", money.currency());
        }
    }

    /** Validates a money value whose amount may be zero (money disbursed in a year). */
    public static void checkNotNegative(Checks checks, String field, Money money) {
        if (checks.notNull(field, money)) {
            checks.notNegative(field + ".amount", money.amount());
            checks.currency(field + ".currency", money.currency());
        }
    }
}

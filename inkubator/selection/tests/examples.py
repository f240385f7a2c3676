"""Published worked examples shared by the tests (sources cited at each one)."""

# Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications.
# Lecture Notes in Economics and Mathematical Systems 186, Springer, pp. 133-134 (TOPSIS, fighter
# aircraft). Four aircraft A1..A4; criteria X1 maximum speed (Mach), X2 ferry range (NM), X3 maximum
# payload (lb), X4 acquisition cost ($ million, the only cost criterion), X5 reliability and
# X6 manoeuvrability (ratings converted to numbers). Weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3).
AIRCRAFT = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
AIRCRAFT_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
AIRCRAFT_TYPES = [1, 1, 1, -1, 1, 1]
# The book's results (vector normalisation): separation from the ideal S*, from the negative ideal
# S-, relative closeness C*; ranking A1 > A3 > A4 > A2. The book rounds every intermediate value to
# 4 decimals (and prints .5063/.5983/.4143/.4603 for the normalised cost column, exact values
# .5069/.5990/.4147/.4608), so exact arithmetic agrees with it to within 1e-3, not digit for digit.
AIRCRAFT_S_PLUS = [0.0545, 0.1197, 0.0580, 0.1009]
AIRCRAFT_S_MINUS = [0.0983, 0.0439, 0.0920, 0.0458]
AIRCRAFT_CLOSENESS = [0.643, 0.268, 0.613, 0.312]
AIRCRAFT_RANKING = [1, 4, 2, 3]

# Saaty, T. L. (2008). Decision making with the analytic hierarchy process. International Journal of
# Services Sciences 1(1), 83-98, Table 2: "Which drink is consumed more in the US?" (eigenvector
# method). Published priorities .177 .019 .042 .116 .190 .129 .327 and C.R. = 0.022.
DRINKS_NAMES = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
DRINKS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]
DRINKS_PRIORITIES = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
DRINKS_CR = 0.022

# Entropy and CRITIC: no published worked example could be checked digit for digit, so these two are
# computed by hand; every step is written out in test_weighting.py.
# Entropy (m = 3): weights (0.098949, 0, 0.901051); the middle column is constant (E = 1, weight 0).
ENTROPY_EXAMPLE = [[1, 3, 0], [1, 3, 1], [2, 3, 3]]
ENTROPY_WEIGHTS = [0.098949, 0.0, 0.901051]
# CRITIC (column 1 a cost): σ = ½ for every column, information C = (1, 1.25, 1.75), weights C / 4.
CRITIC_EXAMPLE = [[10, 8, 3], [15, 4, 1], [20, 6, 2]]
CRITIC_TYPES = [1, -1, 1]
CRITIC_WEIGHTS = [0.25, 0.3125, 0.4375]

# Xu, X. (2004). A note on the subjective and objective integrated approach to determine attribute
# weights. European Journal of Operational Research 156(2), 530-532: entropy weights of a 4 × 4 matrix,
# published (0.4630, 0.3992, 0.1378, 0.0000) — the fourth attribute barely varies.
XU_2004 = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
XU_2004_ENTROPY_WEIGHTS = [0.4630, 0.3992, 0.1378, 0.0000]

# Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of objective criteria weights in
# MCDM. International Journal of Information Technology & Decision Making 15(2), 267-283: entropy
# weights (0.1146, 0.1981, 0.4185, 0.2689); entropy ignores the criteria directions.
ZP_2016 = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
ZP_2016_ENTROPY_WEIGHTS = [0.1146, 0.1981, 0.4185, 0.2689]

# Tuş, A. & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the time and
# attendance software selection problem. Opsearch 56(2), 528-538: CRITIC weights (0.157, 0.249, 0.168,
# 0.121, 0.154, 0.151). The paper min-max normalises every column as a benefit criterion (its first,
# price, is not reversed), so the published weights are those of `types` all 1; reversing price as a
# cost criterion (our default when types say -1) changes its correlations' signs and the weights.
TUS_2019 = [
    [5000, 3, 3, 4, 3, 2],
    [680, 5, 3, 2, 2, 1],
    [2000, 3, 2, 3, 4, 3],
    [600, 4, 3, 1, 2, 2],
    [800, 2, 4, 3, 3, 4],
]
TUS_2019_CRITIC_WEIGHTS = [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
